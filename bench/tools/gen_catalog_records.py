#!/usr/bin/env python3
"""gen_catalog_records.py -- N synthetic external catalog records for run-catalog.sh, and the request lists.

Writes a SQLite file in the layout of Data/Metadata/SqliteMetadataRepository (table catalog_records: id, document,
modified, source), each document the JSON the catalog stores (Storage/RecordDocument: the MetadataRecord model,
property names as in C#, enums by name), Vietnamese titles and abstracts with diacritics, keywords, boxes over
Viet Nam. Also writes the URL lists (CSW GetRecords with a csw:AnyText LIKE of one unaccented word; OGC API - Records
q=) and expected.json: the number of records each query must match (as a LIKE and as a word search), computed here from the same text the server
folds (id, title, keywords, abstract, lineage; lower case, no diacritics, d for đ), so a fast wrong answer is caught.
Standard library only. Usage: gen_catalog_records.py OUT_DIR [COUNT=10000] [SEED=20261122]
"""
import json, os, random, re, sqlite3, sys, unicodedata
from urllib.parse import quote

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261122)
os.makedirs(out, exist_ok=True)

SUBJECTS = ["Đất đai", "Sông ngòi", "Hồ chứa", "Rừng phòng hộ", "Khoáng sản", "Địa chất", "Quan trắc không khí",
            "Nước ngầm", "Bờ biển", "Đê điều", "Giao thông", "Dân cư", "Thủy văn", "Khí tượng", "Môi trường"]
PLACES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Huế", "Cần Thơ", "Quảng Ninh", "Lào Cai", "Nghệ An", "Đắk Lắk",
          "Lâm Đồng", "Khánh Hòa", "An Giang", "Cà Mau", "Thái Nguyên", "Thanh Hóa"]
KINDS = ["Bản đồ hiện trạng", "Cơ sở dữ liệu", "Kết quả điều tra", "Quy hoạch", "Bản đồ chuyên đề", "Số liệu thống kê"]
TOPICS = ["Boundaries", "InlandWaters", "Environment", "GeoscientificInformation", "PlanningCadastre", "Oceans", "Transportation"]


def fold(text):
    t = unicodedata.normalize("NFD", text)
    t = "".join(c for c in t if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", t).lower()


db_path = os.path.join(out, "catalog.db")
if os.path.exists(db_path):
    os.remove(db_path)
db = sqlite3.connect(db_path)
db.execute("CREATE TABLE catalog_records (id TEXT PRIMARY KEY NOT NULL, document TEXT NOT NULL, modified TEXT NOT NULL, source TEXT)")
anytext, anywords = [], []
for i in range(count):
    subject, place, kind = rng.choice(SUBJECTS), rng.choice(PLACES), rng.choice(KINDS)
    rid = f"bench:{i:05d}"
    title = f"{kind} {subject.lower()} tỉnh {place} {2000 + i % 25}"
    abstract = f"{kind} về {subject.lower()} của {place}, tỷ lệ 1:{rng.choice([10000, 25000, 50000])}."
    keywords = [subject, place]
    lineage = f"Tổng hợp từ nguồn {rng.choice(['Sở Tài nguyên', 'Tổng cục', 'Viện nghiên cứu'])} năm {2000 + i % 25}."
    x, y = rng.uniform(102.2, 109.0), rng.uniform(8.6, 23.0)
    modified = f"20{10 + i % 15:02d}-0{1 + i % 9}-1{i % 9}T00:00:00+00:00"
    doc = {
        "Id": rid, "Type": "Dataset", "Origin": "External",
        "Title": {"Text": title}, "Abstract": {"Text": abstract},
        "Keywords": [{"Words": [{"Text": k} for k in keywords]}],
        "TopicCategories": [rng.choice(TOPICS)],
        "Lineage": {"Text": lineage},
        "Extent": {"MinX": x, "MinY": y, "MaxX": x + 0.5, "MaxY": y + 0.5},
        "Modified": modified, "Workspace": "vn", "Language": "vie",
    }
    db.execute("INSERT INTO catalog_records VALUES (?, ?, ?, ?)", (rid, json.dumps(doc, ensure_ascii=False), modified, "bench"))
    anytext.append(fold(" ".join([rid, title, *keywords, abstract, lineage])))
    anywords.append(set(re.findall(r"\w+", anytext[-1])))
db.commit()
db.close()

words = sorted({w for s in SUBJECTS + PLACES for w in fold(s).split() if len(w) >= 3})
csw, records, expected = [], [], {}
for w in words:
    cql = quote(f"csw:AnyText LIKE '%{w}%'")
    csw.append(f"/csw?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results"
               f"&ElementSetName=summary&maxRecords=10&constraintLanguage=CQL_TEXT&constraint={cql}")
    records.append(f"/ogc/collections/catalog/items?q={quote(w)}&limit=10")
    # CSW's LIKE '%w%' matches anywhere in the text; Records' q is a word search (a word, or a longer word it
    # begins): "hai" finds "Hải Phòng" but not "Thái Nguyên".
    expected[w] = {"like": sum(1 for t in anytext if w in t),
                   "word": sum(1 for t in anywords if any(x.startswith(w) for x in t))}
for name, lines in (("csw_anytext.txt", csw), ("records_q.txt", records)):
    with open(os.path.join(out, name), "w") as f:
        f.write("\n".join(lines) + "\n")
with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
print(f"{count} records, {len(words)} queries -> {out}")
