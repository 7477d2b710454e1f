/*
 * tlsconf's mbed TLS peer: a small TLS 1.2 server or client on Debian's libmbedtls 2.28, compiled on first use by
 * tlsconf.peers.mbedtls.MbedTlsPreset (gcc ... -lmbedtls -lmbedx509 -lmbedcrypto). Written for tlsconf; it only
 * drives the library. mbed TLS 2.28 speaks no TLS 1.3.
 *
 *   tlsconf-mbedtls-peer version
 *   tlsconf-mbedtls-peer server PORT CHAIN.pem KEY.pem none|require [ROOTS.pem]
 *   tlsconf-mbedtls-peer client PORT NAME ROOTS.pem
 *
 * Same contract as the wolfSSL peer: the server listens on 127.0.0.1:PORT only, prints "listening on
 * 127.0.0.1:PORT", serves one connection at a time (reads bounded by 10 s) and answers a request with a page; every
 * outcome is one line: "handshake complete: ...", "handshake failed: -0xNNNN: <mbed TLS's reason>". With the
 * environment variable TLSCONF_MBEDTLS_DEBUG=1..4 mbed TLS's own debug log goes to stdout.
 */
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/debug.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/ssl.h>
#include <mbedtls/version.h>
#include <mbedtls/x509_crt.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IO_TIMEOUT_MS 10000
#define MAX_CONNECTIONS 1000000

static mbedtls_entropy_context entropy;
static mbedtls_ctr_drbg_context drbg;

static void print_failure(const char *what, int ret) {
    char text[200];
    mbedtls_strerror(ret, text, sizeof text);
    printf("%s failed: -0x%04x: %s\n", what, (unsigned) -ret, text);
}

static void debug_line(void *ctx, int level, const char *file, int line, const char *msg) {
    (void) ctx;
    printf("mbedtls debug %d %s:%d: %s", level, file, line, msg);
}

static int setup(mbedtls_ssl_config *conf, int endpoint) {
    mbedtls_ssl_config_init(conf);
    int ret = mbedtls_ssl_config_defaults(conf, endpoint, MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    if (ret != 0) {
        print_failure("setup", ret);
        return ret;
    }
    mbedtls_ssl_conf_rng(conf, mbedtls_ctr_drbg_random, &drbg);
    mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_max_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);
    mbedtls_ssl_conf_read_timeout(conf, IO_TIMEOUT_MS);
    const char *debug = getenv("TLSCONF_MBEDTLS_DEBUG");
    if (debug != NULL) {
        mbedtls_ssl_conf_dbg(conf, debug_line, NULL);
        mbedtls_debug_set_threshold(atoi(debug));
    }
    return 0;
}

static void print_connection(mbedtls_ssl_context *ssl) {
    printf("handshake complete: %s %s\n", mbedtls_ssl_get_version(ssl), mbedtls_ssl_get_ciphersuite(ssl));
}

static int serve(const char *port, const char *chain_file, const char *key_file, const char *auth,
                 const char *roots_file) {
    mbedtls_ssl_config conf;
    mbedtls_x509_crt chain, roots;
    mbedtls_pk_context key;
    mbedtls_x509_crt_init(&chain);
    mbedtls_x509_crt_init(&roots);
    mbedtls_pk_init(&key);
    int ret;
    if ((ret = mbedtls_x509_crt_parse_file(&chain, chain_file)) != 0
            || (ret = mbedtls_pk_parse_keyfile(&key, key_file, NULL)) != 0) {
        print_failure("setup (credentials)", ret);
        return 2;
    }
    if (setup(&conf, MBEDTLS_SSL_IS_SERVER) != 0) {
        return 2;
    }
    if ((ret = mbedtls_ssl_conf_own_cert(&conf, &chain, &key)) != 0) {
        print_failure("setup (own certificate)", ret);
        return 2;
    }
    if (strcmp(auth, "none") != 0) {
        if (roots_file == NULL || (ret = mbedtls_x509_crt_parse_file(&roots, roots_file)) != 0) {
            print_failure("setup (roots)", roots_file == NULL ? -1 : ret);
            return 2;
        }
        mbedtls_ssl_conf_ca_chain(&conf, &roots, NULL);
        /* mbed TLS has no "verify if sent" mode: OPTIONAL completes the handshake whatever the chain, so only
           require is offered */
        mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    } else {
        mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_NONE);
    }
    mbedtls_net_context listener;
    mbedtls_net_init(&listener);
    if ((ret = mbedtls_net_bind(&listener, "127.0.0.1", port, MBEDTLS_NET_PROTO_TCP)) != 0) {
        print_failure("setup (cannot listen on 127.0.0.1, address already in use?)", ret);
        return 2;
    }
    printf("listening on 127.0.0.1:%s\n", port);
    for (int n = 0; n < MAX_CONNECTIONS; n++) {
        mbedtls_net_context client;
        mbedtls_net_init(&client);
        if (mbedtls_net_accept(&listener, &client, NULL, 0, NULL) != 0) {
            continue;
        }
        mbedtls_ssl_context ssl;
        mbedtls_ssl_init(&ssl);
        mbedtls_ssl_setup(&ssl, &conf);
        mbedtls_ssl_set_bio(&ssl, &client, mbedtls_net_send, NULL, mbedtls_net_recv_timeout);
        ret = mbedtls_ssl_handshake(&ssl);
        if (ret != 0) {
            print_failure("handshake", ret);
        } else {
            {
                print_connection(&ssl);
                unsigned char buf[4096];
                int got = mbedtls_ssl_read(&ssl, buf, sizeof buf - 1);
                if (got > 0) {
                    char page[512];
                    int len = snprintf(page, sizeof page, "HTTP/1.0 200 ok\r\nContent-Type: text/plain\r\n\r\n"
                            "handshake complete: %s %s\r\n", mbedtls_ssl_get_version(&ssl),
                            mbedtls_ssl_get_ciphersuite(&ssl));
                    mbedtls_ssl_write(&ssl, (const unsigned char *) page, (size_t) len);
                    printf("answered a request of %d bytes\n", got);
                    mbedtls_ssl_close_notify(&ssl);
                } else {
                    print_failure("read", got);
                }
            }
        }
        mbedtls_ssl_free(&ssl);
        mbedtls_net_free(&client);
    }
    return 0;
}

static int connect_to(const char *port, const char *name, const char *roots_file) {
    mbedtls_ssl_config conf;
    mbedtls_x509_crt roots;
    mbedtls_x509_crt_init(&roots);
    int ret;
    if ((ret = mbedtls_x509_crt_parse_file(&roots, roots_file)) != 0) {
        print_failure("setup (roots)", ret);
        return 2;
    }
    if (setup(&conf, MBEDTLS_SSL_IS_CLIENT) != 0) {
        return 2;
    }
    mbedtls_ssl_conf_ca_chain(&conf, &roots, NULL);
    mbedtls_ssl_conf_authmode(&conf, MBEDTLS_SSL_VERIFY_REQUIRED);
    mbedtls_net_context server;
    mbedtls_net_init(&server);
    if ((ret = mbedtls_net_connect(&server, "127.0.0.1", port, MBEDTLS_NET_PROTO_TCP)) != 0) {
        print_failure("connect", ret);
        return 1;
    }
    mbedtls_ssl_context ssl;
    mbedtls_ssl_init(&ssl);
    mbedtls_ssl_setup(&ssl, &conf);
    /* the name to check the certificate against; also sent as SNI unless it is an address */
    mbedtls_ssl_set_hostname(&ssl, name);
    mbedtls_ssl_set_bio(&ssl, &server, mbedtls_net_send, NULL, mbedtls_net_recv_timeout);
    ret = mbedtls_ssl_handshake(&ssl);
    if (ret != 0) {
        print_failure("handshake", ret);
        return 1;
    }
    print_connection(&ssl);
    unsigned char buf[4096];
    for (int n = 0; n < 10000; n++) {
        int got = mbedtls_ssl_read(&ssl, buf, sizeof buf - 1);
        if (got == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY || got == 0) {
            printf("PEER CLOSED\n");
            mbedtls_ssl_close_notify(&ssl);
            return 0;
        }
        if (got < 0) {
            print_failure("read", got);
            return 1; /* no close_notify of ours after whatever mbed TLS sent */
        }
        buf[got] = 0;
        printf("RECEIVED: %s\n", (char *) buf);
    }
    return 0;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 2 && strcmp(argv[1], "version") == 0) {
        char v[32];
        mbedtls_version_get_string(v);
        printf("mbed TLS %s\n", v);
        return 0;
    }
    mbedtls_entropy_init(&entropy);
    mbedtls_ctr_drbg_init(&drbg);
    if (mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, (const unsigned char *) "tlsconf", 7) != 0) {
        printf("setup failed: no random generator\n");
        return 2;
    }
    if (argc >= 6 && strcmp(argv[1], "server") == 0) {
        return serve(argv[2], argv[3], argv[4], argv[5], argc >= 7 ? argv[6] : NULL);
    }
    if (argc == 5 && strcmp(argv[1], "client") == 0) {
        return connect_to(argv[2], argv[3], argv[4]);
    }
    fprintf(stderr, "usage: %s version | server PORT CHAIN KEY none|require [ROOTS] | client PORT NAME ROOTS\n",
            argv[0]);
    return 2;
}
