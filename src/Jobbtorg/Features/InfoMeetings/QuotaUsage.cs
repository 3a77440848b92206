using Jobbtorg.Features.Organisation;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>Places a district has used of its weekly quota. Made and changed only by guarded SQL (see
/// <see cref="SeatCounters"/>), never through the change tracker.</summary>
public class QuotaUsage
{
    private QuotaUsage()
    {
    }

    public int Id { get; private set; }
    public int DistrictId { get; private set; }
    public MeetingKind Kind { get; private set; }
    public DateOnly WeekStart { get; private set; }
    public int Used { get; private set; }
}
