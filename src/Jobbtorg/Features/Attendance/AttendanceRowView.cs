namespace Jobbtorg.Features.Attendance;

/// <summary>What a form shows for a row: the slot, the values in the form, and its index in the posted list.</summary>
public sealed record AttendanceRowView(int Index, AttendanceSlot Slot, AttendanceRow Input, string Name);
