"""``python -m explore``: see ``explore.cli``."""

import sys

from explore.cli.main import main

sys.exit(main())
