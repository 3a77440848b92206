using System.ComponentModel.DataAnnotations;
using Jobbtorg.Features.Shared;
using static Jobbtorg.Features.Shared.RequestRules;

namespace Jobbtorg.Features.InfoMeetings;

public sealed record AttendanceRequest([property: ApiRequired] BookingStatus? Outcome) : IValidatableObject
{
    /// <summary>An outcome, not the booking itself.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Outcome is null or BookingStatus.Booked) yield return Refused(nameof(Outcome), "Choose attended, no-show or cancelled.");
    }
}
