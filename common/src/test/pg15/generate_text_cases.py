import subprocess, sys
out = open(sys.argv[2], 'w')
for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if not line or line.startswith('#'):
        continue
    typ, ds, ist, tz, efd, inp = line.split('|', 5)
    sets = []
    sets.append("SET datestyle = '%s';" % (ds or 'ISO, MDY'))
    sets.append("SET intervalstyle = '%s';" % (ist or 'postgres'))
    sets.append("SET timezone = '%s';" % (tz or 'UTC'))
    sets.append("SET extra_float_digits = %s;" % (efd or '1'))
    lit = "'" + inp.replace("'", "''") + "'"
    sql = "\n".join(sets) + "\nSELECT %s::%s;" % (lit, typ)
    r = subprocess.run(['psql', '-h', '/tmp/pgtypes', '-p', '54991', '-U', 'postgres', '-AtX', '-q', '-v', 'VERBOSITY=sqlstate', '-c', sql.replace('\n', ' ')],
                       capture_output=True, text=True)
    if r.returncode == 0 and r.stdout:
        res = 'OK\t' + r.stdout.rstrip('\n')
    else:
        err = r.stderr.strip().split('\n')[0]
        code = err.split()[-1] if err else '?'
        res = 'ERR\t' + code
    out.write('\t'.join([typ, ds, ist, tz, efd, inp.replace('\\', '\\\\').replace('\t','\\t')]) + '\t' + res.replace('\\', '\\\\') + '\n')
