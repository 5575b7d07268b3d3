#!/usr/bin/env python3
"""Write the REFI-QDA fixtures in the shapes NVivo, ATLAS.ti and MAXQDA export (as their
documentation and QualCoder's importer describe them). Each folder holds the archive's files;
tests/refi_import.rs zips a folder into a .qdpx. Positions are computed here from the texts.
Run from this folder: python3 make_fixtures.py
"""
import os

def pos(text, phrase, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    # code points, as REFI-QDA counts them
    return len(text[:i]), len(text[:i]) + len(phrase)

def write(path, data, bom=False, crlf=False):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    if crlf:
        data = data.replace("\n", "\r\n")
    with open(path, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))

# ---------------------------------------------------------------- NVivo
N1 = "Interview with a DEA liaison officer\n\nThe officer said Russia’s FSKN sent trainers to Managua in 2013.\nHe described the training centre as “a Russian foothold”.\n"
N2 = "Field notes, Lima\n\nCoca eradication in the VRAEM reached 35,000 hectares.\n"
s1 = pos(N1, "Russia’s FSKN sent trainers to Managua in 2013")
s2 = pos(N1, "“a Russian foothold”")
s3 = pos(N2, "Coca eradication in the VRAEM reached 35,000 hectares")
nvivo = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Counternarcotics study" origin="NVivo 14.23.0" creatingUserGUID="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b" creationDateTime="2024-02-01T09:30:00Z">
  <Users>
    <User guid="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b" name="Maria Lopez" id="ML"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="0b7e6f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b" name="Training" isCodable="true" color="#4E79A7">
        <Description>Courses and trainers.</Description>
        <Code guid="1c8f7a3b-2d4e-4f60-9bac-1d2e3f4a5b6c" name="Trainers sent" isCodable="true" color="#76B7B2"/>
      </Code>
      <Code guid="2d9a8b4c-3e5f-4071-8cbd-2e3f4a5b6c7d" name="Eradication" isCodable="true" color="#9C755F"/>
      <Code guid="3e0b9c5d-4f60-4182-9dce-3f4a5b6c7d8e" name="Framing" isCodable="true" color="#EDC948"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="4f1c0d6e-5071-4293-8edf-4a5b6c7d8e9f" name="Country" typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid="50200e7f-6182-43a4-9f00-5b6c7d8e9fa0" name="Nicaragua">
      <SourceRef targetGUID="a1b2c3d4-0000-4000-8000-000000000001"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="a1b2c3d4-0000-4000-8000-000000000001" name="Interview DEA liaison" plainTextPath="internal://a1b2c3d4-0000-4000-8000-000000000001.txt" richTextPath="internal://a1b2c3d4-0000-4000-8000-000000000001.docx" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b" creationDateTime="2024-02-01T09:31:00Z">
      <PlainTextSelection guid="b0000000-0000-4000-8000-000000000001" name="Russia’s FSKN sent trainers" startPosition="{s1[0]}" endPosition="{s1[1]}" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b" creationDateTime="2024-02-02T10:00:00Z" modifiedDateTime="2024-02-03T11:00:00Z">
        <Coding guid="c0000000-0000-4000-8000-000000000001" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b">
          <CodeRef targetGUID="1c8f7a3b-2d4e-4f60-9bac-1d2e3f4a5b6c"/>
        </Coding>
        <Coding guid="c0000000-0000-4000-8000-000000000002" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b">
          <CodeRef targetGUID="0b7e6f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b"/>
        </Coding>
        <NoteRef targetGUID="d0000000-0000-4000-8000-000000000001"/>
      </PlainTextSelection>
      <PlainTextSelection guid="b0000000-0000-4000-8000-000000000002" startPosition="{s2[0]}" endPosition="{s2[1]}" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b" creationDateTime="2024-02-02T10:05:00Z">
        <Coding guid="c0000000-0000-4000-8000-000000000003" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b">
          <CodeRef targetGUID="3e0b9c5d-4f60-4182-9dce-3f4a5b6c7d8e"/>
        </Coding>
      </PlainTextSelection>
      <VariableValue>
        <VariableRef targetGUID="4f1c0d6e-5071-4293-8edf-4a5b6c7d8e9f"/>
        <TextValue>Nicaragua</TextValue>
      </VariableValue>
    </TextSource>
    <TextSource guid="a1b2c3d4-0000-4000-8000-000000000002" name="Field notes Lima" plainTextPath="internal://a1b2c3d4-0000-4000-8000-000000000002.txt">
      <PlainTextSelection guid="b0000000-0000-4000-8000-000000000003" startPosition="{s3[0]}" endPosition="{s3[1]}" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b" creationDateTime="2024-02-04T08:00:00Z">
        <Coding guid="c0000000-0000-4000-8000-000000000004" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b">
          <CodeRef targetGUID="2d9a8b4c-3e5f-4071-8cbd-2e3f4a5b6c7d"/>
        </Coding>
      </PlainTextSelection>
      <Coding guid="c0000000-0000-4000-8000-000000000005" creatingUser="5e1d2c3b-0a9f-4e7d-8c6b-5a4f3e2d1c0b" creationDateTime="2024-02-04T08:30:00Z">
        <CodeRef targetGUID="3e0b9c5d-4f60-4182-9dce-3f4a5b6c7d8e"/>
      </Coding>
      <NoteRef targetGUID="d0000000-0000-4000-8000-000000000002"/>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="d0000000-0000-4000-8000-000000000001" name="Check the year">
      <PlainTextContent>Another source says 2014.</PlainTextContent>
    </Note>
    <Note guid="d0000000-0000-4000-8000-000000000002" name="Memo on Lima" plainTextPath="internal://d0000000-0000-4000-8000-000000000002.txt"/>
  </Notes>
  <Sets>
    <Set guid="e0000000-0000-4000-8000-000000000001" name="Interviews">
      <MemberSource targetGUID="a1b2c3d4-0000-4000-8000-000000000001"/>
    </Set>
  </Sets>
</Project>
'''
write("nvivo/project.qde", nvivo)
write("nvivo/Sources/a1b2c3d4-0000-4000-8000-000000000001.txt", N1)
write("nvivo/Sources/a1b2c3d4-0000-4000-8000-000000000002.txt", N2)
write("nvivo/Sources/d0000000-0000-4000-8000-000000000002.txt", "The eradication figures come from DEVIDA.")

# ---------------------------------------------------------------- ATLAS.ti
A1 = "Report: arms sales\n\nRussia delivered 24 Mi-17 helicopters to Peru.\nThe deal was worth $406 million.\n"
# The file has CR LF line ends, and positions count each CR and LF, as in the file.
a1 = pos(A1.replace("\n", "\r\n"), "Russia delivered 24 Mi-17 helicopters to Peru")
a2 = pos(A1.replace("\n", "\r\n"), "$406 million")
P1 = "Annual report 2015\n\nMexico and Russia signed a memorandum on drug control.\n"
p1 = pos(P1, "Mexico and Russia signed a memorandum on drug control")
atlas = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Arms and drugs" origin="ATLAS.ti 23.2.1" creatingUserGUID="{{AAAAAAAA-1111-4111-8111-111111111111}}">
  <Users>
    <User guid="{{AAAAAAAA-1111-4111-8111-111111111111}}" name="Jonas"/>
    <User guid="{{BBBBBBBB-2222-4222-8222-222222222222}}" name="Ines"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="{{C0DE0000-0000-4000-8000-000000000001}}" name="Security cooperation" isCodable="false" color="#F28">
        <Code guid="{{C0DE0000-0000-4000-8000-000000000002}}" name="Arms deals" isCodable="true" color="#E15759">
          <NoteRef targetGUID="{{AE000000-0000-4000-8000-000000000001}}"/>
        </Code>
        <Code guid="{{C0DE0000-0000-4000-8000-000000000003}}" name="Agreements" isCodable="true" color="#59A14F"/>
      </Code>
      <Code guid="{{C0DE0000-0000-4000-8000-000000000004}}" name="Money" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="{{50000000-0000-4000-8000-000000000001}}" name="arms report.txt" plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt">
      <PlainTextSelection guid="{{5E100000-0000-4000-8000-000000000001}}" startPosition="{a1[0]}" endPosition="{a1[1]}" creatingUser="{{AAAAAAAA-1111-4111-8111-111111111111}}" creationDateTime="2023-05-02T14:00:00Z">
        <Description>Mi-17 is a model number, not a figure.</Description>
        <Coding guid="{{C0000000-0000-4000-8000-000000000001}}" creatingUser="{{AAAAAAAA-1111-4111-8111-111111111111}}">
          <CodeRef targetGUID="{{C0DE0000-0000-4000-8000-000000000002}}"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{{5E100000-0000-4000-8000-000000000002}}" startPosition="{a1[0]}" endPosition="{a1[1]}" creatingUser="{{BBBBBBBB-2222-4222-8222-222222222222}}" creationDateTime="2023-05-03T09:00:00Z">
        <Coding guid="{{C0000000-0000-4000-8000-000000000002}}" creatingUser="{{BBBBBBBB-2222-4222-8222-222222222222}}">
          <CodeRef targetGUID="{{C0DE0000-0000-4000-8000-000000000002}}"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{{5E100000-0000-4000-8000-000000000003}}" startPosition="{a2[0]}" endPosition="{a2[1]}" creatingUser="{{BBBBBBBB-2222-4222-8222-222222222222}}" creationDateTime="2023-05-03T09:05:00Z">
        <Coding guid="{{C0000000-0000-4000-8000-000000000003}}" creatingUser="{{BBBBBBBB-2222-4222-8222-222222222222}}">
          <CodeRef targetGUID="{{C0DE0000-0000-4000-8000-000000000004}}"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="{{50000000-0000-4000-8000-000000000002}}" name="annual report 2015.pdf" path="internal://50000000-0000-4000-8000-000000000002.pdf">
      <PDFSelection guid="{{5E100000-0000-4000-8000-000000000004}}" page="1" firstX="72" firstY="140" secondX="400" secondY="160">
        <Coding guid="{{C0000000-0000-4000-8000-000000000004}}">
          <CodeRef targetGUID="{{C0DE0000-0000-4000-8000-000000000003}}"/>
        </Coding>
      </PDFSelection>
      <Representation guid="{{50000000-0000-4000-8000-000000000003}}" name="annual report 2015" plainTextPath="internal://50000000-0000-4000-8000-000000000003.txt">
        <PlainTextSelection guid="{{5E100000-0000-4000-8000-000000000005}}" startPosition="{p1[0]}" endPosition="{p1[1]}" creatingUser="{{AAAAAAAA-1111-4111-8111-111111111111}}" creationDateTime="2023-05-04T10:00:00">
          <Coding guid="{{C0000000-0000-4000-8000-000000000005}}">
            <CodeRef targetGUID="{{C0DE0000-0000-4000-8000-000000000003}}"/>
          </Coding>
        </PlainTextSelection>
      </Representation>
    </PDFSource>
    <PDFSource guid="{{50000000-0000-4000-8000-000000000004}}" name="scan.pdf" path="internal://50000000-0000-4000-8000-000000000004.pdf"/>
    <TextSource guid="{{50000000-0000-4000-8000-000000000005}}" name="linked document" plainTextPath="absolute:///nonexistent/atlas/linked.txt"/>
  </Sources>
  <Notes>
    <Note guid="{{AE000000-0000-4000-8000-000000000001}}" name="Code memo">
      <PlainTextContent>Only deliveries, not offers.</PlainTextContent>
    </Note>
    <Note guid="{{AE000000-0000-4000-8000-000000000002}}" name="Free memo">
      <PlainTextContent>Ask Ines about the 2016 deal.</PlainTextContent>
    </Note>
  </Notes>
</Project>
'''
write("atlas/Arms and drugs.qde", atlas)
write("atlas/sources/50000000-0000-4000-8000-000000000001.txt", A1, crlf=True)
write("atlas/sources/50000000-0000-4000-8000-000000000003.txt", P1, bom=True)

# ---------------------------------------------------------------- MAXQDA
M1 = "Interview 3\nQ: Who trains the police?\nA: Moscow pays for the courses, the instructors come from Russia.\n"
m1 = pos(M1, "Moscow pays for the courses")
m2 = pos(M1, "the instructors come from Russia")
maxqda = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Police training" origin="MAXQDA 2022 (Release 22.8.0)" basePath="C:\\Users\\nobody\\Documents\\MAXQDA" creationDateTime="2022-10-01T08:00:00">
  <Users>
    <User guid="11111111-aaaa-4aaa-8aaa-aaaaaaaaaaaa" name="RK"/>
    <User guid="22222222-bbbb-4bbb-8bbb-bbbbbbbbbbbb" name="PS"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="33333333-cccc-4ccc-8ccc-cccccccccccc" name="Funding" isCodable="true" color="#FF0000"/>
      <Code guid="44444444-dddd-4ddd-8ddd-dddddddddddd" name="Instructors" isCodable="true" color="#00FF00"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="55555555-eeee-4eee-8eee-eeeeeeeeeeee" name="Interview date" typeOfVariable="Date"/>
    <Variable guid="66666666-ffff-4fff-8fff-ffffffffffff" name="Region" typeOfVariable="Text"/>
  </Variables>
  <Sources>
    <TextSource guid="77777777-0000-4000-8000-000000000001" name="Interview 3" plainTextPath="relative://Interview 3.txt" creationDateTime="2022-10-01T08:05:00">
      <PlainTextSelection guid="88888888-0000-4000-8000-000000000001" startPosition="{m1[0]}" endPosition="{m1[1]}" creatingUser="11111111-aaaa-4aaa-8aaa-aaaaaaaaaaaa" creationDateTime="2022-10-02T09:00:00" modifiedDateTime="2022-10-03T09:00:00">
        <Coding guid="99999999-0000-4000-8000-000000000001" creatingUser="11111111-aaaa-4aaa-8aaa-aaaaaaaaaaaa">
          <CodeRef targetGUID="33333333-cccc-4ccc-8ccc-cccccccccccc"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="88888888-0000-4000-8000-000000000002" startPosition="{m2[0]}" endPosition="{m2[1]}" creatingUser="ffffffff-9999-4999-8999-999999999999" creationDateTime="2022-10-02T09:10:00">
        <Coding guid="99999999-0000-4000-8000-000000000002" creatingUser="ffffffff-9999-4999-8999-999999999999">
          <CodeRef targetGUID="44444444-dddd-4ddd-8ddd-dddddddddddd"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="88888888-0000-4000-8000-000000000003" startPosition="5000" endPosition="5010" creatingUser="11111111-aaaa-4aaa-8aaa-aaaaaaaaaaaa">
        <Coding guid="99999999-0000-4000-8000-000000000003">
          <CodeRef targetGUID="33333333-cccc-4ccc-8ccc-cccccccccccc"/>
        </Coding>
      </PlainTextSelection>
      <VariableValue>
        <VariableRef targetGUID="55555555-eeee-4eee-8eee-eeeeeeeeeeee"/>
        <DateValue>2022-09-30</DateValue>
      </VariableValue>
    </TextSource>
    <PictureSource guid="77777777-0000-4000-8000-000000000002" name="Poster" path="relative://poster.jpg">
      <PictureSelection guid="88888888-0000-4000-8000-000000000004" firstX="1" firstY="1" secondX="50" secondY="50"/>
    </PictureSource>
  </Sources>
  <Sets>
    <Set guid="aaaaaaaa-0000-4000-8000-000000000001" name="Core codes">
      <MemberCode targetGUID="33333333-cccc-4ccc-8ccc-cccccccccccc"/>
    </Set>
  </Sets>
</Project>
'''
write("maxqda/project.qde", maxqda)
write("maxqda-external/Interview 3.txt", M1)

# A codebook as MAXQDA exports it (.qdc).
qdc = '''<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA 2022">
  <Codes>
    <Code guid="33333333-cccc-4ccc-8ccc-cccccccccccc" name="Arms sales" isCodable="true" color="#E15759">
      <Description>Clashes with the seeds codebook.</Description>
      <Code guid="44444444-dddd-4ddd-8ddd-dddddddddddd" name="Helicopters" isCodable="true" color="#ABC"/>
    </Code>
    <Code guid="55555555-eeee-4eee-8eee-eeeeeeeeeeee" name="Corruption" isCodable="true" color="#123456"/>
  </Codes>
  <Sets>
    <Set guid="66666666-ffff-4fff-8fff-ffffffffffff" name="New">
      <MemberCode guid="55555555-eeee-4eee-8eee-eeeeeeeeeeee"/>
    </Set>
  </Sets>
</CodeBook>
'''
write("maxqda.qdc", qdc)
