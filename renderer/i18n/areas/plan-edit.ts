// Strings of the Plan view's editing (items, item editor, settings, files, undo), both languages.
export const planEditEn = {
  'plan.new': 'New plan',
  'plan.undo': 'Undo',
  'plan.redo': 'Redo',
  'plan.tab.mission': 'Mission',
  'plan.tab.shapes': 'Shapes & patterns',
  'plan.tab.fence': 'Fence & rally',
  'plan.tool.select': 'Select and move',
  'plan.tool.addWaypoint': 'Add waypoints',
  'plan.tool.drawPolygon': 'Draw area',
  'plan.tool.drawLine': 'Draw line',
  'plan.tool.drawPoint': 'Mark point',
  'plan.tool.rally': 'Rally points',
  'plan.tool.fenceCircle': 'Fence circle',
  'plan.unsaved': 'Unsaved changes',
} as const;

export const planEditZh: Record<keyof typeof planEditEn, string> = {
  'plan.new': '新建计划',
  'plan.undo': '撤销',
  'plan.redo': '重做',
  'plan.tab.mission': '任务',
  'plan.tab.shapes': '图形与航线模式',
  'plan.tab.fence': '围栏与集结点',
  'plan.tool.select': '选择和移动',
  'plan.tool.addWaypoint': '添加航点',
  'plan.tool.drawPolygon': '绘制区域',
  'plan.tool.drawLine': '绘制线',
  'plan.tool.drawPoint': '标记点',
  'plan.tool.rally': '集结点',
  'plan.tool.fenceCircle': '圆形围栏',
  'plan.unsaved': '有未保存的更改',
} as const;
