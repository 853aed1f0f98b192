"""Users, roles, login, sessions and the audit trail (issue 17).

roles (what each role may do), policy (the write path's check, rights), passwords
(argon2id), accounts (create, list, disable), login (lockout), sessions (CLI tokens, idle
time), audit (events, verification, the 审计日志 query).
"""
