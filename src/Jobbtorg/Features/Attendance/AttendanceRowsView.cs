namespace Jobbtorg.Features.Attendance;

public sealed record AttendanceRowsView(IReadOnlyList<AttendanceRowView> Rows, bool ShowName, bool ShowDate, bool ShowActivity, bool CanRegister);
