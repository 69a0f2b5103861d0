# Makes the evidence files EvidenceCopyTests prints, in the folder given: balance.png (400 x 300,
# a checkerboard), history.png (1080 x 6000, six colour bands of 1000 rows: a tall screenshot)
# and receipt.pdf (three A4 pages of text in Helvetica, written by hand, not by Cairo).
import struct, zlib, sys, os
out = sys.argv[1]
def png(path, w, h, pixel):
    rows = b''.join(b'\x00' + bytes(c for x in range(w) for c in pixel(x, y)) for y in range(h))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                           + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b''))
png(os.path.join(out, 'balance.png'), 400, 300, lambda x, y: (30, 120, 200) if (x // 40 + y // 40) % 2 else (240, 240, 240))
bands = [(200, 40, 40), (40, 160, 40), (40, 40, 200), (200, 160, 0), (120, 0, 160), (0, 150, 150)]
png(os.path.join(out, 'history.png'), 1080, 6000, lambda x, y: bands[(y // 1000) % 6] if x % 200 > 10 else (0, 0, 0))
def pdf(path, pages):
    objects = []
    kids = ' '.join(f'{4 + 2 * i} 0 R' for i in range(len(pages)))
    objects.append('<< /Type /Catalog /Pages 2 0 R >>')
    objects.append(f'<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>')
    objects.append('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
    for i, text in enumerate(pages):
        stream = f'BT /F1 24 Tf 72 720 Td ({text}) Tj ET 72 700 m 520 700 l S'
        objects.append(f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>')
        objects.append(f'<< /Length {len(stream)} >>\nstream\n{stream}\nendstream')
    body = b'%PDF-1.4\n'
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += f'{n} 0 obj\n{obj}\nendobj\n'.encode()
    xref = len(body)
    body += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode()
    body += b''.join(f'{o:010d} 00000 n \n'.encode() for o in offsets)
    body += f'trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
    open(path, 'wb').write(body)
pdf(os.path.join(out, 'receipt.pdf'), ['Receipt page one', 'Receipt page two', 'Receipt page three'])
