package dev.gatehouse.storage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FolderPathTest {
    @Test
    void normalisesOnlyATrailingSlash() {
        assertThat(FolderPath.parse("path", "/finance/").value()).isEqualTo("/finance");
        assertThat(FolderPath.parse("path", "/").isRoot()).isTrue();
        assertThat(FolderPath.parse("path", "/Finance/Q1").segments()).containsExactly("Finance", "Q1");
        assertThat(FolderPath.parse("path", "/a/b").parent().orElseThrow()).isEqualTo(FolderPath.parse("path", "/a"));
        assertThat(FolderPath.parse("path", "/a/bc").isWithin(FolderPath.parse("path", "/a/b")))
                .isFalse();
    }

    @Test
    void refusesEveryAmbiguousShapeNamingTheField() {
        assertThatThrownBy(() -> FolderPath.parse("path", "/a/../etc"))
                .hasMessage("path: '/a/../etc' contains '..'; send the resolved path (a path is absolute, like"
                        + " /finance/reports)");
        assertThatThrownBy(() -> FolderPath.parse("path", "/a//b")).hasMessageContaining("has an empty segment (//)");
        assertThatThrownBy(() -> FolderPath.parse("path", "/a/\u0000"))
                .hasMessageContaining("'/a/\\u0000' contains a control");
        assertThatThrownBy(() -> FolderPath.parse("path", "a/b")).hasMessageContaining("is not absolute");
        assertThatThrownBy(() -> FolderPath.parse("path", "/a\\b")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> FolderPath.parse("path", "/" + "x".repeat(256)))
                .hasMessageContaining("longer than 255");
        assertThatThrownBy(() -> FolderPath.parse("path", "/x".repeat(2049))).hasMessageContaining("longer than 4096");
        assertThatThrownBy(() -> FolderPath.parse("path", "/./a")).hasMessageContaining("contains '.'");
    }
}
