using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Organisation;

namespace Jobbtorg.Features.Attendance;

/// <summary>One required day of one activity for one case, with its registration if there is one.</summary>
public sealed record AttendanceSlot(Case Case, DateOnly Date, ActivityType ActivityType, int? ProviderId, AttendanceDay? Registration)
{
    public AttendanceStatus? Status => Registration?.Status;
    public bool IsRegistered => Registration is not null;
}
