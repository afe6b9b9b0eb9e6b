import subprocess, sys
lines = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
script = []
for kind, inp, ours in lines:
    t, st = kind.split('|')
    inp = inp.replace('\\t', '\t')
    lit = "'" + inp.replace("'", "''") + "'"
    base = "SET timezone='UTC'; SET intervalstyle='postgres'; SET extra_float_digits=1;"
    if t == 'timestamp-in':
        script.append(base + " SET datestyle='%s'; SELECT set_config('datestyle','ISO, ' || split_part(current_setting('datestyle'), ', ', 2), false) IS NULL FROM (SELECT %s::timestamp AS v) x \\gset\n" % (st, lit))
        script[-1] = base + " SET datestyle='%s'; SELECT to_char(%s::timestamp, 'YYYY-MM-DD HH24:MI:SS.US BC');" % (st, lit)
    else:
        script.append(base + " SET datestyle='ISO, MDY'; SELECT set_config('datestyle', '%s', false) IS NULL, %s::%s;" % (st, lit, t))
r = subprocess.run(['psql', '-h', '/tmp/pgtypes', '-p', '54991', '-U', 'postgres', '-AtXq', '-F', '\x01'], input='\n'.join(script), capture_output=True, text=True)
out = [l.split('\x01')[-1] for l in r.stdout.split('\n') if l != '']
print("stderr:", r.stderr[:300])
bad = 0
for (kind, inp, ours), theirs in zip(lines, out):
    if kind.startswith('timestamp-in'):
        # compare ISO of ours against to_char output normalised
        pass
    if ours.replace('\\t','\t') != theirs and not kind.startswith('timestamp-in'):
        bad += 1
        if bad < 30: print(kind, '|', inp, '| ours:', ours, '| pg:', theirs)
print(len(lines), len(out), 'mismatches', bad)
