"""Partner staff: accounts that belong to a partner organisation, their login and handouts."""
