/**
 * Texts of the spreadsheet module (renderer/grid) and of the sheets built on it
 * (Communes, Hotspots). Merged by setup.ts under the namespace 'grid'.
 */
const vi = {
  paste: {
    title: 'Đã lưu {{stored}} thay đổi; {{count}} ô không lưu được:',
    titleNone: 'Không lưu được {{count}} ô:',
    row: 'Dòng',
    column: 'Cột',
    value: 'Giá trị',
    problem: 'Lý do',
    readOnly: 'cột chỉ xem, không sửa được',
    noNewRows: 'bảng này không thêm dòng khi dán',
    close: 'Đóng',
    more: '… và {{n}} ô khác',
  },
  undo: {
    nothing: 'Không còn thao tác để hoàn tác.',
    nothingRedo: 'Không còn thao tác để làm lại.',
    failed: 'Không hoàn tác được: {{message}}',
  },
  batch: {
    failed: 'Không lưu được: {{message}}',
    partlyRejected: 'Có {{n}} thay đổi không được lưu: {{first}}',
  },
  locked: 'Kỳ này đã khóa, chỉ xem được.',
  groups: {
    status: 'Tình trạng',
    counts: 'Số liệu quản lý',
    statistics: 'Thống kê (mục 7.6)',
    approval: 'Công nhận, phê duyệt',
    computed: 'Tính tự động',
  },
  computed: { activeHotspots: 'Điểm đang hoạt động', activeModelSites: 'Mô hình đang hoạt động' },
  hotspots: {
    title: 'Điểm, tụ điểm',
    loading: 'Đang tải danh sách điểm…',
    rowCount: '{{n}} điểm',
    filteredCount: '{{shown}} / {{total}} điểm',
    quickFilter: 'Tìm điểm',
    quickFilterPlaceholder: 'Gõ mã, xã, địa chỉ…, không cần dấu',
    add: 'Thêm điểm',
    remove: 'Xóa',
    confirmRemove: 'Xóa {{n}} điểm đã chọn? Việc xóa được ghi vào lịch sử và có thể hoàn tác (Ctrl+Z).',
    confirm: 'Xóa',
    cancel: 'Hủy',
    nothingSelected: 'Hãy chọn điểm cần xóa (ô hoặc dòng).',
    newRowHint: 'Dòng mới: chọn xã/phường',
    summary: 'Trong kỳ: đầu kỳ {{start}} · mới {{new}} · triệt xóa {{eliminated}} · cuối kỳ {{end}}',
    flags: {
      isActiveAtStart: 'Hoạt động đầu kỳ',
      isNew: 'Mới trong kỳ',
      isEliminated: 'Triệt xóa trong kỳ',
      isActiveAtEnd: 'Hoạt động cuối kỳ',
    },
    flagYes: '✓',
  },
};

export type GridMessages = typeof vi;

const en: GridMessages = {
  paste: {
    title: 'Saved {{stored}} changes; {{count}} cells could not be saved:',
    titleNone: '{{count}} cells could not be saved:',
    row: 'Row',
    column: 'Column',
    value: 'Value',
    problem: 'Reason',
    readOnly: 'read-only column',
    noNewRows: 'this sheet does not add rows on paste',
    close: 'Close',
    more: '… and {{n}} more cells',
  },
  undo: {
    nothing: 'Nothing to undo.',
    nothingRedo: 'Nothing to redo.',
    failed: 'Could not undo: {{message}}',
  },
  batch: {
    failed: 'Not saved: {{message}}',
    partlyRejected: '{{n}} changes were not saved: {{first}}',
  },
  locked: 'This period is locked and read-only.',
  groups: {
    status: 'Status',
    counts: 'Management counts',
    statistics: 'Statistics (§7.6)',
    approval: 'Certification, approval',
    computed: 'Computed',
  },
  computed: { activeHotspots: 'Active hotspots', activeModelSites: 'Active model sites' },
  hotspots: {
    title: 'Hotspots',
    loading: 'Loading hotspots…',
    rowCount: '{{n}} hotspots',
    filteredCount: '{{shown}} / {{total}} hotspots',
    quickFilter: 'Find hotspot',
    quickFilterPlaceholder: 'Code, commune, address…, marks optional',
    add: 'Add hotspot',
    remove: 'Remove',
    confirmRemove: 'Remove {{n}} selected hotspots? The removal is recorded in the history and can be undone (Ctrl+Z).',
    confirm: 'Remove',
    cancel: 'Cancel',
    nothingSelected: 'Select the hotspots to remove (cells or rows).',
    newRowHint: 'New: choose a commune',
    summary: 'In the period: at start {{start}} · new {{new}} · eliminated {{eliminated}} · at end {{end}}',
    flags: {
      isActiveAtStart: 'Active at start',
      isNew: 'New in period',
      isEliminated: 'Eliminated in period',
      isActiveAtEnd: 'Active at end',
    },
    flagYes: '✓',
  },
};

export const gridResources = { vi, en };
