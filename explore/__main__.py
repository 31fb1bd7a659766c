"""``python -m explore``: see ``explore.cli``."""

import sys

from explore.cli import main

sys.exit(main())
