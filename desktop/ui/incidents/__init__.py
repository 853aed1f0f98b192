"""事件: the incidents area — list, detail with its tabs (概况, 任务, 物资需求, 信息报告,
大事记, 专家), the dialogs that change an incident, and its printed documents."""
