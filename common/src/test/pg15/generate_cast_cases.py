import subprocess, sys
out = open(sys.argv[2], 'w')
for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if not line: continue
    f, lit, t = line.split('|')
    sql = "SET timezone='Asia/Kolkata'; SELECT '%s'::%s::%s;" % (lit.replace("'", "''"), f, t)
    r = subprocess.run(['psql', '-h', '/tmp/pgtypes', '-p', '54991', '-U', 'postgres', '-AtXq', '-v', 'VERBOSITY=sqlstate', '-c', sql], capture_output=True, text=True)
    if r.returncode == 0:
        res = 'OK\t' + r.stdout.rstrip('\n')
    else:
        res = 'ERR\t' + r.stderr.strip().split('\n')[0].split()[-1]
    out.write('\t'.join([f, lit, t]) + '\t' + res + '\n')
