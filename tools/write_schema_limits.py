"""Write the limits of today's models into the published project-file schema.

Run after changing a column's length or range: ``python tools/write_schema_limits.py``
(``tests/crm_impl/projectfile/test_spec.py`` fails until the file agrees with the models).
"""

import json
from pathlib import Path

from crm_impl.projectfile import spec as module

path = Path(module.__file__).with_name(module.SCHEMA_FILE)
path.write_text(json.dumps(module.complete(json.loads(path.read_text("utf-8"))), indent=2, ensure_ascii=False) + "\n",
                "utf-8")
print(f"wrote {path}")
