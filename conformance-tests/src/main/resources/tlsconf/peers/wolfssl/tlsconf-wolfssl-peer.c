/*
 * tlsconf's wolfSSL peer: a small TLS server or client on Debian's libwolfssl, compiled on first use by
 * tlsconf.peers.wolfssl.WolfSslPreset (gcc ... -lwolfssl). Written for tlsconf; it only drives the library.
 *
 *   tlsconf-wolfssl-peer version
 *   tlsconf-wolfssl-peer server PORT 1.2|1.3 CHAIN.pem KEY.pem none|request|require [ROOTS.pem]
 *   tlsconf-wolfssl-peer client PORT 1.2|1.3 NAME ROOTS.pem
 *
 * The server listens on 127.0.0.1:PORT only, prints "listening on 127.0.0.1:PORT" once it accepts, serves one
 * connection at a time (every read bounded by a 10 s socket timeout) and answers a request with a page naming the
 * version and suite. The client connects to 127.0.0.1:PORT, verifies the chain against ROOTS.pem and NAME (a host
 * name: sent as SNI, checked with wolfSSL_check_domain_name; an IPv4 address: checked against iPAddress names),
 * prints what it receives and exits when the server closes.
 * Every outcome is one line on stdout: "handshake complete: ...", "handshake failed: <wolfSSL's reason>".
 */
#include <wolfssl/options.h>
#include <wolfssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define IO_TIMEOUT_SECONDS 10
#define MAX_CONNECTIONS 1000000

static void set_timeouts(int fd) {
    struct timeval tv = {IO_TIMEOUT_SECONDS, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

static void print_error(WOLFSSL *ssl, int ret, const char *what) {
    char text[WOLFSSL_MAX_ERROR_SZ];
    int err = wolfSSL_get_error(ssl, ret);
    wolfSSL_ERR_error_string_n((unsigned long) err, text, sizeof text);
    printf("%s failed: error %d: %s\n", what, err, text);
}

static void print_connection(WOLFSSL *ssl) {
    printf("handshake complete: %s %s\n", wolfSSL_get_version(ssl), wolfSSL_get_cipher_name(ssl));
}

static struct sockaddr_in loopback(int port) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short) port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

static int serve(int port, const char *version, const char *chain, const char *key, const char *auth,
                 const char *roots) {
    WOLFSSL_CTX *ctx = wolfSSL_CTX_new(strcmp(version, "1.3") == 0 ? wolfTLSv1_3_server_method()
                                                                   : wolfTLSv1_2_server_method());
    if (ctx == NULL) {
        printf("setup failed: no context\n");
        return 2;
    }
    if (wolfSSL_CTX_use_certificate_chain_file(ctx, chain) != WOLFSSL_SUCCESS
            || wolfSSL_CTX_use_PrivateKey_file(ctx, key, WOLFSSL_FILETYPE_PEM) != WOLFSSL_SUCCESS) {
        printf("setup failed: cannot load %s / %s\n", chain, key);
        return 2;
    }
    if (strcmp(auth, "none") != 0) {
        if (roots == NULL || wolfSSL_CTX_load_verify_locations(ctx, roots, NULL) != WOLFSSL_SUCCESS) {
            printf("setup failed: cannot load roots %s\n", roots == NULL ? "(none)" : roots);
            return 2;
        }
        /* request: verify a certificate when one is sent; require: also refuse a client without one */
        wolfSSL_CTX_set_verify(ctx, strcmp(auth, "require") == 0
                ? WOLFSSL_VERIFY_PEER | WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT : WOLFSSL_VERIFY_PEER, NULL);
    } else {
        wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_NONE, NULL);
    }
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in addr = loopback(port);
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(listener, 16) != 0) {
        printf("setup failed: cannot listen on 127.0.0.1:%d (address already in use?)\n", port);
        return 2;
    }
    printf("listening on 127.0.0.1:%d\n", port);
    for (int n = 0; n < MAX_CONNECTIONS; n++) {
        int fd = accept(listener, NULL, NULL);
        if (fd < 0) {
            continue;
        }
        set_timeouts(fd);
        WOLFSSL *ssl = wolfSSL_new(ctx);
        wolfSSL_set_fd(ssl, fd);
        int ret = wolfSSL_accept(ssl);
        if (ret != WOLFSSL_SUCCESS) {
            print_error(ssl, ret, "handshake");
        } else {
            print_connection(ssl);
            char buf[4096];
            int got = wolfSSL_read(ssl, buf, sizeof buf - 1);
            if (got > 0) {
                char page[512];
                int len = snprintf(page, sizeof page, "HTTP/1.0 200 ok\r\nContent-Type: text/plain\r\n\r\n"
                        "handshake complete: %s %s\r\n", wolfSSL_get_version(ssl), wolfSSL_get_cipher_name(ssl));
                wolfSSL_write(ssl, page, len);
                printf("answered a request of %d bytes\n", got);
                wolfSSL_shutdown(ssl);
            } else {
                /* no close_notify after a failure: whatever wolfSSL sent (or did not send) is its own answer */
                print_error(ssl, got, "read");
            }
        }
        wolfSSL_free(ssl);
        close(fd);
    }
    return 0;
}

static int is_ip(const char *name) {
    struct in_addr a;
    return inet_pton(AF_INET, name, &a) == 1;
}

static int connect_to(int port, const char *version, const char *name, const char *roots) {
    WOLFSSL_CTX *ctx = wolfSSL_CTX_new(strcmp(version, "1.3") == 0 ? wolfTLSv1_3_client_method()
                                                                   : wolfTLSv1_2_client_method());
    if (ctx == NULL || wolfSSL_CTX_load_verify_locations(ctx, roots, NULL) != WOLFSSL_SUCCESS) {
        printf("setup failed: cannot load roots %s\n", roots);
        return 2;
    }
    wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER, NULL);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = loopback(port);
    if (connect(fd, (struct sockaddr *) &addr, sizeof addr) != 0) {
        printf("connect failed: 127.0.0.1:%d\n", port);
        return 1;
    }
    set_timeouts(fd);
    WOLFSSL *ssl = wolfSSL_new(ctx);
    wolfSSL_set_fd(ssl, fd);
    if (is_ip(name)) {
        /* an address is checked against the certificate's iPAddress names (RFC 5280 §4.2.1.6), never a dNSName */
        wolfSSL_X509_VERIFY_PARAM_set1_ip_asc(wolfSSL_get0_param(ssl), name);
    } else {
        wolfSSL_UseSNI(ssl, WOLFSSL_SNI_HOST_NAME, name, (unsigned short) strlen(name));
        wolfSSL_check_domain_name(ssl, name);
    }
    int ret = wolfSSL_connect(ssl);
    if (ret != WOLFSSL_SUCCESS) {
        print_error(ssl, ret, "handshake");
        return 1;
    }
    print_connection(ssl);
    char buf[4096];
    for (int n = 0; n < 10000; n++) {
        int got = wolfSSL_read(ssl, buf, sizeof buf - 1);
        if (got <= 0) {
            int err = wolfSSL_get_error(ssl, got);
            print_error(ssl, got, "read");
            if (err == WOLFSSL_ERROR_ZERO_RETURN) {
                wolfSSL_shutdown(ssl); /* the server closed cleanly: answer its close_notify */
                return 0;
            }
            return 1; /* a failure: no close_notify of ours after whatever wolfSSL sent */
        }
        buf[got] = 0;
        printf("RECEIVED: %s\n", buf);
    }
    wolfSSL_shutdown(ssl);
    return 0;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 2 && strcmp(argv[1], "version") == 0) {
        printf("wolfSSL %s\n", wolfSSL_lib_version());
        return 0;
    }
    wolfSSL_Init();
    if (argc >= 7 && strcmp(argv[1], "server") == 0) {
        return serve(atoi(argv[2]), argv[3], argv[4], argv[5], argv[6], argc >= 8 ? argv[7] : NULL);
    }
    if (argc == 6 && strcmp(argv[1], "client") == 0) {
        return connect_to(atoi(argv[2]), argv[3], argv[4], argv[5]);
    }
    fprintf(stderr, "usage: %s version | server PORT 1.2|1.3 CHAIN KEY none|request|require [ROOTS]"
            " | client PORT 1.2|1.3 NAME ROOTS\n", argv[0]);
    return 2;
}
