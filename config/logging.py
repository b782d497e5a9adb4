"""Log filters. The influencer's page is reached by a secret in its address (/p/<token>/):
no log line may carry it, whoever writes the line (Django's request log, the dev server)."""

import logging
import re

PRIVATE_PATH = re.compile(r"/p/[^/\s?\"']+")


class HidePageTokens(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        hidden = PRIVATE_PATH.sub("/p/[hidden]", message)
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True
