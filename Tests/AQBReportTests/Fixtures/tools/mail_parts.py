"""Reads mails as a mail reader does (Python's email package) and prints them as JSON.

    python3 mail_parts.py FILE.eml…

For each file: sender, recipients, decoded subject, Date, Message-ID, the content types in
order, the plain-text and HTML bodies (decoded), and each attachment's decoded file name,
content type and bytes (base64, to compare with the files on disk).
"""
import base64
import email
import email.policy
import email.utils
import json
import sys


def parts(path):
    with open(path, "rb") as file:
        message = email.message_from_bytes(file.read(), policy=email.policy.default)
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    return {
        "from": message["From"],
        "to": [address for _, address in email.utils.getaddresses(message.get_all("To", []))],
        "subject": message["Subject"],
        "date": message["Date"],
        "message_id": message["Message-ID"],
        "types": [part.get_content_type() for part in message.walk()],
        "text": text.get_content() if text is not None else None,
        "html": html.get_content() if html is not None else None,
        "attachments": [
            {
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "base64": base64.b64encode(part.get_payload(decode=True)).decode("ascii"),
            }
            for part in message.iter_attachments()
        ],
        "defects": [str(defect) for part in message.walk() for defect in part.defects],
    }


print(json.dumps([parts(path) for path in sys.argv[1:]]))
