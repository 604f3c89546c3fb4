// One ufw block record (kernel line via syslog), the line the end-to-end tests build inputs from.
export const UFW = (dpt: number, src = '203.0.113.7', sec = 1): string =>
  `Nov 20 06:25:${String(sec % 60).padStart(2, '0')} gw kernel: [12345.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=${src} DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=54321 PROTO=TCP SPT=40000 DPT=${dpt} WINDOW=1024 RES=0x00 SYN URGP=0`;
