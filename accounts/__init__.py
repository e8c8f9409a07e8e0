"""Partner staff on the public site: roles, the group "Partner-Mitarbeitende" and /konto/."""
