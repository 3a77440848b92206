namespace Jobbtorg.Features.Attendance;

/// <summary>Counts over required days. The rate is present / registered days; days not registered are counted apart and
/// never as absence.</summary>
public sealed record AttendanceCounts(int Present, int Excused, int Unexcused, int NotRegistered)
{
    public int Registered => Present + Excused + Unexcused;
    public int Required => Registered + NotRegistered;
    public double? Rate => Registered == 0 ? null : (double)Present / Registered;

    public static AttendanceCounts Of(IEnumerable<AttendanceSlot> slots)
    {
        int p = 0, e = 0, u = 0, n = 0;
        foreach (var s in slots)
            switch (s.Status)
            {
                case AttendanceStatus.Present: p++; break;
                case AttendanceStatus.ExcusedAbsence: e++; break;
                case AttendanceStatus.UnexcusedAbsence: u++; break;
                default: n++; break;
            }
        return new(p, e, u, n);
    }
}
