# Untraced start-up moments, interleaved: spawns each app N times in a random order per round against an in-process
# loopback Runtime API (one event), and prints per app the median milliseconds after spawn of
#   - the probe's own marks (benchmarks/LambdaKit.StartupProbe with LAMBDAKIT_PROBE_T0: Main, builder, Build(),
#     handler start/end), printed by the probe at the handler's end, so nothing is written on the way;
#   - the first GET next and the response POST, as the API sees them.
# The python spawn adds a few milliseconds to every app alike: compare apps of the same run, not with other harnesses.
#   python3 benchmarks/startup-marks/marks.py 30 artifacts/coldstart/floor/native-aot/floor artifacts/coldstart/probe/native-aot/bootstrap
import http.server, sys, threading, time, subprocess, os, statistics, random, socket
N=int(sys.argv[1]); apps=sys.argv[2:]
state={}
class H(http.server.BaseHTTPRequestHandler):
    protocol_version="HTTP/1.1"
    def log_message(self,*a): pass
    def do_GET(self):
        st=state
        if 'get' in st: time.sleep(5); return
        st['get']=time.time_ns()
        body=b'{"name":"cold"}'
        self.send_response(200)
        for k,v in [("Content-Type","application/json"),("Lambda-Runtime-Aws-Request-Id","req-1"),("Lambda-Runtime-Deadline-Ms",str(int(time.time()*1000)+60000)),("Lambda-Runtime-Invoked-Function-Arn","arn:aws:lambda:us-east-1:123456789012:function:hello"),("Lambda-Runtime-Trace-Id","Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"),("Content-Length",str(len(body)))]:
            self.send_header(k,v)
        self.end_headers(); self.wfile.write(body); self.wfile.flush()
    def do_POST(self):
        n=int(self.headers.get("Content-Length","0")); self.rfile.read(n)
        state['post']=time.time_ns(); state['done'].set()
        self.send_response(202); self.send_header("Content-Length","0"); self.end_headers()
srv=http.server.ThreadingHTTPServer(("127.0.0.1",0),H); srv.daemon_threads=True
port=srv.server_address[1]
threading.Thread(target=srv.serve_forever,daemon=True).start()
res={a:{} for a in apps}
env=dict(os.environ, AWS_LAMBDA_RUNTIME_API="127.0.0.1:%d"%port, AWS_LAMBDA_FUNCTION_NAME="hello", AWS_LAMBDA_FUNCTION_MEMORY_SIZE="512", AWS_LAMBDA_FUNCTION_VERSION="1", AWS_LAMBDA_LOG_GROUP_NAME="g", AWS_LAMBDA_LOG_STREAM_NAME="s")
for r in range(N):
    order=apps[:]; random.shuffle(order)
    for a in order:
        state.clear(); state['done']=threading.Event()
        t0=time.time_ns(); env['LAMBDAKIT_PROBE_T0']=str(t0)
        p=subprocess.Popen([os.path.abspath(a)],env=env,stdout=subprocess.DEVNULL,stderr=subprocess.PIPE)
        p.wait(0.3) if 'empty' in a else state['done'].wait(10)
        time.sleep(0.05)
        p.kill(); err=p.communicate()[0 if False else 1].decode()
        d=res[a]
        for line in err.splitlines():
            if line.startswith("mark "):
                _,name,ms=line.split(); d.setdefault(name,[]).append(float(ms))
        if 'get' in state: d.setdefault('first GET next',[]).append((state['get']-t0)/1e6)
        if 'post' in state: d.setdefault('response POST',[]).append((state['post']-t0)/1e6)
        else: d.setdefault('exit',[]).append((time.time_ns()-t0)/1e6)
for a in apps:
    print(a)
    for k,v in sorted(res[a].items(), key=lambda kv: statistics.median(kv[1])):
        print("  %-22s %8.2f ms (n=%d)"%(k,statistics.median(v),len(v)))
