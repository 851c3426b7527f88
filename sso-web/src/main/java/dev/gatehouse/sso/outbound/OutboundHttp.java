package dev.gatehouse.sso.outbound;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Every request Gatehouse makes to a server an administrator named (SAML metadata, OpenID discovery and keys, token
 * endpoints, Microsoft Graph), made so that it can neither hang Gatehouse nor reach inside its network.
 *
 * <ul>
 *   <li><b>One deadline</b> for connect, headers and body together; a server that trickles its answer is cut off when
 *       it passes. The body is capped ({@code maxBytes}). At most {@code concurrent} requests of one instance run at a
 *       time; a further one waits for a place within its own deadline.</li>
 *   <li><b>No request to an internal address</b>: the host of the URL and of every redirect hop (at most
 *       {@value #MAX_REDIRECTS}, GET only) is resolved first and refused when any of its addresses is loopback,
 *       link-local, site-local (private), unique-local, carrier-grade NAT, multicast or unspecified, unless the
 *       administrator allowed internal hosts ({@value #ALLOW_INTERNAL_HOSTS_KEY}, for an identity provider inside the
 *       network, and for tests on loopback). Redirects are followed by this class, never by the HTTP client, so every
 *       hop is checked; a redirect from https to anything else is refused.</li>
 * </ul>
 *
 * Failures are {@link OutboundException}s with the precise reason, for the audit log and the provider's status; callers
 * show people a generic message, so that the answer does not tell a closed port from an open service.
 */
public final class OutboundHttp {
    /** The setting that lets Gatehouse contact internal addresses. */
    public static final String ALLOW_INTERNAL_HOSTS_KEY = "gatehouse.outbound.allow-internal-hosts";

    static final int MAX_REDIRECTS = 3;

    /** An answer: its status, headers and (capped) body; the body is empty unless asked for by the status. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Answer[HTTP " + status + ", " + body.length + " bytes]";
        }
    }

    private final HttpClient http;
    private final Duration deadline;
    private final Predicate<InetAddress> addressAllowed;
    private final Semaphore places;
    private final int maxBytes;

    /**
     * @param deadlineMillis for the whole request: connect, headers and body, over every redirect
     * @param addressAllowed which resolved addresses may be contacted
     * @param concurrent how many requests of this instance may run at a time
     * @param maxBytes the largest body accepted
     */
    public OutboundHttp(
            long connectTimeoutMillis,
            long deadlineMillis,
            Predicate<InetAddress> addressAllowed,
            int concurrent,
            int maxBytes) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.deadline = Duration.ofMillis(deadlineMillis);
        this.addressAllowed = addressAllowed;
        this.places = new Semaphore(concurrent);
        this.maxBytes = maxBytes;
    }

    /** Public addresses only, or any address when internal hosts are allowed. */
    public static Predicate<InetAddress> addresses(boolean allowInternalHosts) {
        return allowInternalHosts ? address -> true : OutboundHttp::isPublic;
    }

    /** A GET, following redirects; any status is returned, with the body of 2xx and 4xx answers. */
    public Answer get(String url, String accept, Map<String, String> headers) {
        return exchange(url, accept, headers, null);
    }

    /** A POST of a form ({@code application/x-www-form-urlencoded}); redirects are not followed. */
    public Answer postForm(String url, String form, Map<String, String> headers) {
        return exchange(url, "application/json", headers, form);
    }

    private Answer exchange(String url, String accept, Map<String, String> headers, String form) {
        long endNanos = System.nanoTime() + deadline.toNanos();
        try {
            if (!places.tryAcquire(remainingMillis(endNanos), TimeUnit.MILLISECONDS)) {
                throw new OutboundException("too many requests to identity providers are in progress; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboundException("the request was interrupted");
        }
        try {
            URI uri = URI.create(url);
            for (int hop = 0; ; hop++) {
                checkHost(uri);
                HttpResponse<byte[]> response = send(uri, accept, headers, form, endNanos);
                int status = response.statusCode();
                if (form == null
                        && status >= 300
                        && status < 400
                        && response.headers().firstValue("Location").isPresent()) {
                    if (hop == MAX_REDIRECTS) {
                        throw new OutboundException(
                                uri.getHost() + " redirected more than " + MAX_REDIRECTS + " times");
                    }
                    URI next = uri.resolve(
                            response.headers().firstValue("Location").get());
                    if ("https".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                        throw new OutboundException(uri.getHost() + " redirected from https to " + next.getScheme());
                    }
                    uri = next;
                    continue;
                }
                return new Answer(status, response.headers(), response.body());
            }
        } catch (IllegalArgumentException e) {
            throw new OutboundException("'" + url + "' is not a URL: " + e.getMessage());
        } finally {
            places.release();
        }
    }

    private HttpResponse<byte[]> send(URI uri, String accept, Map<String, String> headers, String form, long endNanos) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(remainingMillis(endNanos)))
                .header("Accept", accept);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // no h2c upgrade attempt in clear text (an identity provider on loopback): plain HTTP/1.1, kept alive
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(request::header);
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(
                request.build(),
                info -> info.statusCode() >= 200 && info.statusCode() < 300
                                || info.statusCode() >= 400 && info.statusCode() < 500
                        ? new CappedBody(maxBytes, uri.getHost())
                        : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            return answer.get(remainingMillis(endNanos), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new OutboundException(
                    uri.getHost() + " cannot be read: no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new OutboundException("the request was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutboundException outbound) {
                throw outbound;
            }
            String reason = cause instanceof HttpTimeoutException
                    ? "no complete answer within " + deadline.toMillis() + " ms"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            throw new OutboundException(uri.getHost() + " cannot be read: " + reason);
        }
    }

    private void checkHost(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme) || uri.getHost() == null) {
            throw new OutboundException("'" + uri + "' is not an http(s) URL with a host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new OutboundException("the host " + uri.getHost() + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!addressAllowed.test(address)) {
                throw new OutboundException("the host " + uri.getHost() + " is the internal address "
                        + address.getHostAddress() + "; set " + ALLOW_INTERNAL_HOSTS_KEY + "=true to allow identity"
                        + " providers inside the network");
            }
        }
    }

    /** Whether an address is on the public internet. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 224;
        }
        return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique-local
    }

    private static long remainingMillis(long endNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
    }

    /** Collects a body up to a cap; a larger one is cancelled and refused. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final String host;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int max, String host) {
            this.max = max;
            this.host = host;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + item.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new OutboundException(host + " served more than " + max + " bytes"));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
