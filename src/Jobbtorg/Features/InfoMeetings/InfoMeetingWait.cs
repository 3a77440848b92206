using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>A case waiting for a place: no meeting of its kind had a free seat within the booking horizon in a
/// week where its district still had quota. Served in <see cref="WaitingListOrder"/>.</summary>
public class InfoMeetingWait
{
    private InfoMeetingWait()
    {
    }

    public int Id { get; private set; }
    public int CaseId { get; private set; }
    public Case Case { get; private set; } = null!;
    public int JobCentreId { get; private set; }
    public int DistrictId { get; private set; }
    public MeetingKind Kind { get; private set; }
    public DateTimeOffset Since { get; private set; }

    public static InfoMeetingWait Join(Case c, MeetingKind kind, DateTimeOffset now) => new()
    {
        CaseId = c.Id, JobCentreId = c.JobCentreId, DistrictId = c.DistrictId, Kind = kind, Since = now,
    };
}
