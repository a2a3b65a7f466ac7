"""Run by LibreOffice's Python (the one with ``uno``), never imported by crm-impl itself:
``python lo_convert.py SOFFICE PROFILE_DIR IN.docx OUT.pdf``.

Starts a headless ``soffice`` on a private profile, opens the document, updates its fields and
every index (the table of contents gets its page numbers, as Word does on open), exports a PDF,
and stops the office.  Exit code 0 on success; the caller enforces the timeout.
"""

import subprocess
import sys
import time
import uuid


def main(soffice, profile, source, target):
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException

    pipe = "crmimpl_" + uuid.uuid4().hex
    office = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(600):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                if office.poll() is not None:
                    return 3
                time.sleep(0.1)
        if context is None:
            return 4
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

        def prop(name, value):
            item = PropertyValue()
            item.Name, item.Value = name, value
            return item

        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                                (prop("Hidden", True), prop("ReadOnly", False)))
        try:
            fields = document.getTextFields()
            fields.refresh()
            indexes = document.getDocumentIndexes()
            # Twice: the first update may move pages (the contents grow), the second numbers them.
            for _ in range(2):
                for position in range(indexes.getCount()):
                    indexes.getByIndex(position).update()
                fields.refresh()
            document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
        finally:
            document.close(True)
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the office may already be gone
            pass
        return 0
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
