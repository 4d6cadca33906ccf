"""Strategy Workbook: participatory regional strategy work, from raw data to deliverables."""

from workbook.project import Project, ProjectError, load_project, validate_project

__all__ = ["Project", "ProjectError", "load_project", "validate_project"]
__version__ = "0.1.0"
