"""crm-impl domain: CRM implementation projects, methodology, scheduling, finance.

Pure Python: this package never imports Flask, Flask extensions or Werkzeug, so every
algorithm and operation here can be used and tested without a web application.
"""

__version__ = "0.1.0"
