#!/usr/bin/env python3
"""A time-stamping authority for claimpack's tests, on 127.0.0.1 only.

local_tsa.py DIR          makes a test CA, a TSA certificate (extendedKeyUsage =
                          critical,timeStamping) and another root in DIR with openssl,
                          then serves HTTP on 127.0.0.1 at a free port, writes it
                          to DIR/port and answers until killed or until stdin closes:
  POST /tsa               openssl ts -reply (application/timestamp-reply)
  POST /html              an HTML page with status 200
  POST /redirect          302 to /tsa
  POST /big               2 MiB labelled application/timestamp-reply
  POST /other             a good token, but for another digest than the request's
local_tsa.py DIR --setup  makes the certificates only.
"""
import http.server
import os
import subprocess
import sys
import threading

CONFIG = """
[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5.6
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256

[ tsa_ext ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
"""


def run(*arguments, cwd):
    subprocess.run(["openssl", *arguments], cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def setup(directory):
    if os.path.exists(os.path.join(directory, "tsa.pem")):
        return
    with open(os.path.join(directory, "tsa.cnf"), "w") as config:
        config.write(CONFIG.format(dir=directory))
    with open(os.path.join(directory, "serial"), "w") as serial:
        serial.write("01\n")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
    for name, subject in (("ca", "/CN=claimpack test root"), ("other", "/CN=another root")):
        run("req", "-x509", *ec, "-keyout", name + ".key", "-out", name + ".pem", "-days", "30",
            "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=directory)
    run("req", *ec, "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/O=claimpack tests/CN=claimpack test TSA",
        cwd=directory)
    run("x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "tsa.pem", "-days", "30", "-extfile", "tsa.cnf", "-extensions", "tsa_ext", cwd=directory)


def serve(directory):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *arguments):
            pass

        def answer(self, status, content_type, body, headers=()):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            query = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path == "/html":
                self.answer(200, "text/html; charset=utf-8", b"<html><body>It works!</body></html>")
            elif self.path == "/redirect":
                self.answer(302, "text/html", b"", [("Location", "/tsa")])
            elif self.path == "/big":
                self.answer(200, "application/timestamp-reply", b"\0" * (2 << 20))
            elif self.path in ("/tsa", "/other"):
                if self.path == "/other":
                    subprocess.run(["openssl", "ts", "-query", "-digest", "ab" * 32, "-sha256", "-cert",
                                    "-out", "query.tsq"], cwd=directory, capture_output=True)
                else:
                    with open(os.path.join(directory, "query.tsq"), "wb") as file:
                        file.write(query)
                result = subprocess.run(["openssl", "ts", "-reply", "-config", "tsa.cnf", "-queryfile", "query.tsq",
                                         "-out", "reply.tsr"], cwd=directory, capture_output=True)
                if result.returncode != 0:
                    self.answer(500, "text/plain", result.stderr)
                    return
                with open(os.path.join(directory, "reply.tsr"), "rb") as file:
                    self.answer(200, "application/timestamp-reply", file.read())
            else:
                self.answer(404, "text/plain", b"not here")

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    with open(os.path.join(directory, "port.tmp"), "w") as file:
        file.write(str(server.server_address[1]))
    os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))

    def watch_stdin():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    setup(os.path.abspath(sys.argv[1]))
    if "--setup" not in sys.argv[2:]:
        serve(os.path.abspath(sys.argv[1]))
