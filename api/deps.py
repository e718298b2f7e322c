"""Dependencies shared by the routers."""

from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from api.db import get_session

SessionDep = Annotated[Session, Depends(get_session)]
