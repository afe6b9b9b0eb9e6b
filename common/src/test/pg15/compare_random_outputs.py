import subprocess, sys
lines = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
script = []
for kind, inp, ours in lines:
    parts = kind.split(':')
    t = parts[0]
    sets = "SET timezone='UTC'; SET datestyle='ISO, MDY'; SET intervalstyle='postgres'; SET extra_float_digits=1;"
    lit = "'" + inp.replace("'", "''") + "'"
    if t == 'interval':
        script.append(sets + " SET intervalstyle='%s'; SELECT %s::interval;" % (parts[1].lower(), lit))
    elif t == 'timestamptz':
        script.append(sets + " SELECT %s::timestamptz; " % lit)
        script[-1] = sets + " SET timezone='%s'; SET datestyle='%s, MDY'; SELECT %s::timestamptz;" % (parts[1], parts[2], lit.replace("'ISO", "'"))
        # input was printed in ISO UTC, parse it under ISO first
        script[-1] = sets + " SELECT set_config('timezone','%s',false) IS NULL; SELECT set_config('datestyle','%s, MDY',false) IS NULL; SELECT (%s::timestamptz)::text;" % (parts[1], parts[2], lit)
    else:
        script.append(sets + " SELECT %s::%s;" % (lit, t))
r = subprocess.run(['psql', '-h', '/tmp/pgtypes', '-p', '54991', '-U', 'postgres', '-AtXq'], input='\n'.join(script), capture_output=True, text=True)
out = [l for l in r.stdout.split('\n') if l not in ('f', 't', '')]
print("stderr:", r.stderr[:500])
bad = 0
for (kind, inp, ours), theirs in zip(lines, out):
    if ours != theirs:
        bad += 1
        if bad < 40:
            print(kind, '|', inp, '| ours:', ours, '| pg:', theirs)
print(len(lines), len(out), 'mismatches', bad)
