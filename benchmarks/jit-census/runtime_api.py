# A minimal loopback Runtime API for the JIT census (benchmarks/jit-census/run.sh): hands out one HelloWorld event per
# GET next, with the headers Lambda sends, accepts the answers, and stops after N answers.
#   python3 runtime_api.py PORT [N]
import http.server, sys, threading, time
N=int(sys.argv[2]) if len(sys.argv)>2 else 1
count=0
class H(http.server.BaseHTTPRequestHandler):
    protocol_version="HTTP/1.1"
    def log_message(self,*a): pass
    def do_GET(self):
        global count
        if count>=N:
            time.sleep(3600)
        body=b'{"name":"jit"}'
        self.send_response(200)
        self.send_header("Content-Type","application/json")
        self.send_header("Lambda-Runtime-Aws-Request-Id","req-%d"%count)
        self.send_header("Lambda-Runtime-Deadline-Ms",str(int(time.time()*1000)+60000))
        self.send_header("Lambda-Runtime-Invoked-Function-Arn","arn:aws:lambda:us-east-1:123456789012:function:hello")
        self.send_header("Lambda-Runtime-Trace-Id","Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
        self.send_header("Content-Length",str(len(body)))
        self.end_headers(); self.wfile.write(body)
    def do_POST(self):
        global count
        n=int(self.headers.get("Content-Length","0")); self.rfile.read(n)
        self.send_response(202); self.send_header("Content-Length","0"); self.end_headers()
        count+=1
        if count>=N:
            threading.Thread(target=lambda:(time.sleep(0.2), srv.shutdown())).start()
srv=http.server.ThreadingHTTPServer(("127.0.0.1",int(sys.argv[1])),H)
srv.serve_forever()
