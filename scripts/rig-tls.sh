# Sourced by rig.sh: the certificates of the first engine's TLS listener.
# shellcheck shell=bash

# Certificates for the engine's TLS listener, made with openssl as Docker's "Protect the daemon socket" guide does:
# a CA; the server's certificate for 127.0.0.1 only (so tcp://localhost:PORT is "a certificate for another host
# name"); a client certificate (cert.pem, key.pem, with ca.pem: the files a context keeps); and for the failure
# tests a client certificate from another CA, expired client and server certificates, and that CA itself.
tls_material() {
  local d=$RIG/tls
  [ -f "$d/made" ] && return
  rm -rf "$d"; mkdir -p "$d"
  (
    cd "$d"
    key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
    authority() { key "$1-key.pem"; openssl req -x509 -new -key "$1-key.pem" -out "$1.pem" -days 3650 -subj "/CN=$2" 2>/dev/null; }
    request() { key "$1-key.pem"; openssl req -new -key "$1-key.pem" -out "$1.csr" -subj "/CN=$2" 2>/dev/null; }
    sign() { # name authority extensions subject
      request "$1" "$4"
      openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2-key.pem" -CAcreateserial -days 3650 -extfile "$3" \
        -out "$1-cert.pem" 2>/dev/null
    }
    expired() { # name extensions subject: valid for one day in 2024
      request "$1" "$3"
      openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca-key.pem -in "$1.csr" -out "$1-cert.pem" -notext \
        -startdate 20240101000000Z -enddate 20240102000000Z -extfile "$2" 2>/dev/null
    }
    authority ca "Porthole rig CA"; authority other-ca "Another CA"
    printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >server.ext
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    printf '[ca]\ndefault_ca=rig\n[rig]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=any\n[any]\ncommonName=supplied\n' >ca.cnf
    touch index.txt; echo 1000 >serial
    sign server ca server.ext 127.0.0.1; sign client ca client.ext "porthole client"
    sign other-client other-ca client.ext stranger
    expired expired-client client.ext "expired client"; expired expired-server server.ext 127.0.0.1
    mv client-cert.pem cert.pem; mv client-key.pem key.pem
  ) || die "openssl could not make the TLS certificates"
  touch "$d/made"
}
