"""The desktop's side of accounts: logging in, the idle lock, what a role is offered,
用户管理 and the 审计日志."""
