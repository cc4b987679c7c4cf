"""The Administration page and its tabs: server configuration, operators, registry
queries, label, admin fields, files for agents, certificates."""
