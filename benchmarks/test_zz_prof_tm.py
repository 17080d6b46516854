import time
def tm(label, f, n=7):
    ts=[]
    for _ in range(n):
        t=time.perf_counter(); r=f(); ts.append(time.perf_counter()-t)
    ts.sort(); print(f"{label:30s} {ts[n//2]*1000:8.3f} ms"); return r
