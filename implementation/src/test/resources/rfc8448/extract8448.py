# Extracts the labelled hex values of RFC 8448 section 3 into a properties file: "who|step|field=hex".
import re, sys
t = open(sys.argv[1]).read()
s = t[t.index('3.  Simple 1-RTT Handshake\n\n'):t.index('4.  Resumed 0-RTT Handshake\n\n')]
s = re.sub(r'\n\n?Thomson.*?\n\x0c\nRFC 8448.*?\n\n', '\n', s)
cur = None
out = []
for ln in s.split('\n'):
    m = re.match(r'^   \{(client|server)\}  (.*?):?$', ln)
    if m:
        cur = m.group(1) + '|' + m.group(2)
        continue
    m = re.match(r'^      ([A-Za-z][^:]*?) \((\d+) octets\):(.*)$', ln)
    if m:
        out.append([cur, m.group(1), int(m.group(2)), m.group(3).strip()])
        continue
    if re.match(r'^         [0-9a-f]{2}( [0-9a-f]{2})*$', ln) and out:
        out[-1][3] += ' ' + ln.strip()
seen = set()
print('# RFC 8448 section 3 (Simple 1-RTT Handshake), extracted from the RFC text by extract8448.py')
for who, field, n, hexs in out:
    h = hexs.replace(' ', '') if hexs != '(empty)' else ''
    assert len(h) == 2 * n, (who, field)
    key = (who + '|' + field).replace(' ', '_').replace('"', '').replace(':', '')
    n2 = 2
    base = key
    while key in seen:
        key = base + '#' + str(n2)
        n2 += 1
    seen.add(key)
    print(key + '=' + h)
