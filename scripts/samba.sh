#!/usr/bin/env bash
# Starts a Samba Active Directory domain controller on 127.0.0.1 for the directory tests: realm CORP.GATEHOUSE.TEST,
# LDAPS on 636 with a certificate of a throw-away test CA for 127.0.0.1 (Samba's own has no subjectAltName), Kerberos
# on 88; seeded with the users the tests sign in as (an enabled one, a disabled one, one whose password must change,
# an expired one, a name with LDAP special characters) and OU=Bulk (1,600 users, one group of them all).
#
#   scripts/samba.sh start <directory> <administrator password> <user password>
#   scripts/samba.sh stop <directory>
#
# The CA certificate Gatehouse must trust is written to <directory>/ca.pem. Needs root (ports 88, 389, 636) and the
# Debian packages samba, samba-ad-provision, samba-dsdb-modules, samba-vfs-modules, winbind, krb5-user, ldap-utils.
set -euo pipefail

case "${1:-}" in
  start)
    dir=$2 admin_password=$3 user_password=$4
    rm -rf "$dir" && mkdir -p "$dir/tls"
    samba-tool domain provision --realm=CORP.GATEHOUSE.TEST --domain=CORP --server-role=dc \
      --dns-backend=SAMBA_INTERNAL --host-ip=127.0.0.1 --targetdir="$dir" --adminpass="$admin_password" \
      --option="interfaces=lo" --option="bind interfaces only=yes" > "$dir/provision.log" 2>&1
    # a test CA and a server certificate for 127.0.0.1 and the DC's name
    openssl req -x509 -newkey rsa:2048 -nodes -days 60 -subj "/CN=Gatehouse test CA" \
      -keyout "$dir/tls/ca.key" -out "$dir/ca.pem" > /dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/tls/key.pem" -out "$dir/tls/req.pem" \
      > /dev/null 2>&1
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:%s.corp.gatehouse.test\nextendedKeyUsage=serverAuth\n' \
      "$(hostname -s | tr '[:upper:]' '[:lower:]')" > "$dir/tls/ext.cnf"
    openssl x509 -req -in "$dir/tls/req.pem" -CA "$dir/ca.pem" -CAkey "$dir/tls/ca.key" -CAcreateserial -days 45 \
      -extfile "$dir/tls/ext.cnf" -out "$dir/tls/cert.pem" > /dev/null 2>&1
    chmod 600 "$dir/tls/key.pem"
    sed -i "/\[global\]/a \\\\ttls enabled = yes\n\ttls keyfile = $dir/tls/key.pem\n\ttls certfile = $dir/tls/cert.pem\n\ttls cafile = $dir/ca.pem" \
      "$dir/etc/smb.conf"
    nohup samba -s "$dir/etc/smb.conf" -i -M single > "$dir/samba.log" 2>&1 &
    echo $! > "$dir/samba.pid"
    for _ in $(seq 1 60); do
      if LDAPTLS_CACERT="$dir/ca.pem" ldapsearch -H ldaps://127.0.0.1 -x -b "" -s base namingContexts \
          > /dev/null 2>&1; then
        break
      fi
      sleep 1
    done
    admin=(-H ldap://127.0.0.1 -U administrator --password="$admin_password")
    samba-tool user create alice "$user_password" --given-name=Alice --surname=Smith \
      --mail-address=alice@corp.gatehouse.test "${admin[@]}" > /dev/null
    samba-tool user create dave "$user_password" "${admin[@]}" > /dev/null 2>&1
    samba-tool user disable dave "${admin[@]}" > /dev/null
    samba-tool user create mona "$user_password" --must-change-at-next-login "${admin[@]}" > /dev/null 2>&1
    samba-tool user create eve "$user_password" "${admin[@]}" > /dev/null 2>&1
    samba-tool user setexpiry eve --days=0 "${admin[@]}" > /dev/null
    samba-tool user create 'jo(eu)' "$user_password" --given-name='Jo* (EU)' "${admin[@]}" > /dev/null 2>&1
    # OU=Bulk: 1,600 users and one group of all of them, more than one range (1,500) of member values; the tests wait
    # for the marker file
    base="DC=corp,DC=gatehouse,DC=test"
    printf '%s' "$admin_password" > "$dir/tls/admin.pw" && chmod 600 "$dir/tls/admin.pw"
    {
      printf 'dn: OU=Bulk,%s\nobjectClass: organizationalUnit\n\n' "$base"
      for i in $(seq -w 1 1600); do
        printf 'dn: CN=bulk%s,OU=Bulk,%s\nobjectClass: user\nsAMAccountName: bulk%s\n' "$i" "$base" "$i"
        printf 'userPrincipalName: bulk%s@corp.gatehouse.test\nuserAccountControl: 544\n\n' "$i"
      done
      printf 'dn: CN=bulk-readers,OU=Bulk,%s\nobjectClass: group\nsAMAccountName: bulk-readers\n' "$base"
      for i in $(seq -w 1 1600); do printf 'member: CN=bulk%s,OU=Bulk,%s\n' "$i" "$base"; done
    } > "$dir/bulk.ldif"
    LDAPTLS_CACERT="$dir/ca.pem" ldapadd -H ldaps://127.0.0.1 -x -D administrator@corp.gatehouse.test \
      -y "$dir/tls/admin.pw" -f "$dir/bulk.ldif" > "$dir/bulk.log" 2>&1
    touch "$dir/bulk-seeded"
    echo "Samba AD DC for CORP.GATEHOUSE.TEST on 127.0.0.1 (LDAPS 636, CA $dir/ca.pem), OU=Bulk seeded"
    ;;
  stop)
    dir=$2
    if [ -f "$dir/samba.pid" ]; then
      kill "$(cat "$dir/samba.pid")" 2>/dev/null || true
      pkill -f "samba -s $dir/etc/smb.conf" 2>/dev/null || true
    fi
    ;;
  *)
    echo "usage: $0 start <directory> <administrator password> <user password> | stop <directory>" >&2
    exit 2
    ;;
esac
