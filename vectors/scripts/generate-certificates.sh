#!/usr/bin/env bash
# Generates the certificate corner cases ONCE with OpenSSL and writes
# vectors/src/main/resources/vectors/certificates/corner-cases.json. The output is committed and must never drift:
# do not re-run unless you mean to replace the cases (new keys, new dates).
#   bash vectors/scripts/generate-certificates.sh vectors/src/main/resources/vectors/certificates
# Keys are P-256; validity is counted from the day of generation (openssl 3.0 has no fixed notBefore for x509 -req),
# so every case is validated at one fixed instant, two years later: all certificates are valid then except the
# one made to expire after a day.
set -euo pipefail
out="${1:?usage: generate-certificates.sh OUTPUT_FOLDER}"
version="$(openssl version)"
case "$version" in "OpenSSL 3.0.19 "*) ;; *) echo "expected OpenSSL 3.0.19, found: $version" >&2; exit 1;; esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
when="$(date -u -d '+2 years' +%Y-%m-%dT00:00:00Z)"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }
# cert NAME SUBJECT ISSUER(or self) DAYS EXTFILE-CONTENT
cert() {
  local name="$1" subj="$2" issuer="$3" days="$4" ext="$5"
  key "$name"
  printf '%s\n' "$ext" > "$name.ext"
  openssl req -new -key "$name.key" -subj "$subj" -out "$name.csr" 2>/dev/null
  if [ "$issuer" = self ]; then
    openssl x509 -req -in "$name.csr" -signkey "$name.key" -days "$days" -extfile "$name.ext" -set_serial "0x$(openssl rand -hex 8)" -out "$name.pem" 2>/dev/null
  else
    openssl x509 -req -in "$name.csr" -CA "$issuer.pem" -CAkey "$issuer.key" -days "$days" -extfile "$name.ext" -set_serial "0x$(openssl rand -hex 8)" -out "$name.pem" 2>/dev/null
  fi
}
hex() { openssl x509 -in "$1.pem" -outform DER | od -An -v -tx1 | tr -d ' \n'; }

ca_ext=$'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash'
leaf_ext=$'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:server.example\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
cert ca "/CN=tlsconf vectors root" self 7300 "$ca_ext"
cert leaf "/CN=server.example" ca 3650 "$leaf_ext"
cert expired "/CN=server.example" ca 1 "$leaf_ext"
cert selfsigned "/CN=server.example" self 3650 $'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:server.example'
cert notca "/CN=not a CA" ca 3650 $'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyCertSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
cert undernotca "/CN=server.example" notca 3650 "$leaf_ext"
cert clientonly "/CN=server.example" ca 3650 $'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\nsubjectAltName=DNS:server.example'

CA="$(hex ca)"
case_json() { # id description chain-json peer expected alerts-json
  printf '    {"id": "%s", "description": "%s", "chain": [%s], "trustAnchors": ["%s"], "peerName": "%s", "validationTime": "%s", "expected": "%s", "acceptableAlerts": [%s]}' \
    "$1" "$2" "$3" "$CA" "$4" "$when" "$5" "$6"
}
{
  printf '{\n  "kind": "certificate",\n  "id": "certificates/corner-cases",\n'
  printf '  "source": {"name": "generated with %s by vectors/scripts/generate-certificates.sh", "version": "%s", "license": "generated for tlsconf (same license as tlsconf)"},\n' "openssl x509" "$version"
  printf '  "description": "Server certificate chains that must never drift: accepted chain, expired leaf, wrong name, untrusted self-signed leaf, issuer that is not a CA, leaf without the serverAuth usage. Validated as a server chain at a fixed instant.",\n'
  printf '  "cases": [\n'
  case_json valid "leaf issued by the trusted root, name and time match" "\"$(hex leaf)\"" server.example accept ""; printf ',\n'
  case_json expired-leaf "leaf expired one day after issue; validated two years later" "\"$(hex expired)\"" server.example reject '"certificate_expired", "bad_certificate"'; printf ',\n'
  case_json wrong-name "subjectAltName server.example, peer name other.example (RFC 6125)" "\"$(hex leaf)\"" other.example reject '"bad_certificate", "certificate_unknown"'; printf ',\n'
  case_json untrusted-self-signed "self-signed leaf that is not a trust anchor" "\"$(hex selfsigned)\"" server.example reject '"unknown_ca", "bad_certificate", "certificate_unknown"'; printf ',\n'
  case_json issuer-not-ca "intermediate has basicConstraints CA:FALSE (RFC 5280 6.1.4)" "\"$(hex undernotca)\", \"$(hex notca)\"" server.example reject '"unknown_ca", "bad_certificate", "certificate_unknown"'; printf ',\n'
  case_json client-auth-only "leaf extendedKeyUsage clientAuth only, presented by a server" "\"$(hex clientonly)\"" server.example reject '"unsupported_certificate", "bad_certificate", "certificate_unknown"'; printf '\n'
  printf '  ]\n}\n'
} > "$OLDPWD/$out/corner-cases.json"
echo "corner-cases.json: 6 cases, validation time $when"
