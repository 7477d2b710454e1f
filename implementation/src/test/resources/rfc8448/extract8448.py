# Extracts the labelled hex values of one RFC 8448 section into a properties file: "who|step|field=hex".
# Usage: extract8448.py rfc8448.txt [3|4] > sectionN.properties
import re, sys
t = open(sys.argv[1]).read()
section = sys.argv[2] if len(sys.argv) > 2 else '3'
titles = {'3': '3.  Simple 1-RTT Handshake\n\n', '4': '4.  Resumed 0-RTT Handshake\n\n',
          '5': '5.  HelloRetryRequest\n\n', '6': '6.  Client Authentication\n\n',
          '7': '7.  Compatibility Mode\n\n', '8': '8.  Security Considerations\n\n'}
s = t[t.index(titles[section]):t.index(titles[str(int(section) + 1)])]
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
print('# RFC 8448 section ' + section + ', extracted from the RFC text by extract8448.py')
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
