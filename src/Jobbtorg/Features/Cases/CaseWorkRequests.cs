using System.ComponentModel.DataAnnotations;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

// The rules each request declares are checked by RequestRules.Check where the API receives it; the English message is
// the translation key.

/// <summary>Enrolment on <c>Date</c>; without <c>CoachId</c> the coach of the centre with the fewest open cases.</summary>
public sealed record EnrolmentRequest(
    [property: ApiRequired, Required(ErrorMessage = "Enter the enrolment date.")] DateOnly? Date,
    [property: StringLength(450, ErrorMessage = "Choose a coach at the case's job centre.")] string? CoachId);

public sealed record PauseRequest(
    [property: ApiRequired, Required(ErrorMessage = "Enter the date the pause starts.")] DateOnly? Date,
    [property: ApiRequired, Required(ErrorMessage = "Choose the reason for the pause.")] PauseReason? Reason,
    [property: StringLength(1000, ErrorMessage = "The note may be at most {1} characters.")] string? Note);

public sealed record ResumeRequest(
    [property: ApiRequired, Required(ErrorMessage = "Enter the date the case resumes.")] DateOnly? Date);

/// <summary>A closure; <c>SubReason</c> is required for Work and Other and refused for the rest.</summary>
public sealed record ClosureRequest(
    [property: ApiRequired, Required(ErrorMessage = "Enter the closure date.")] DateOnly? Date,
    [property: ApiRequired, Required(ErrorMessage = "Choose the closure reason.")] ClosureReason? Reason,
    ClosureSubReason? SubReason,
    [property: StringLength(2000, ErrorMessage = "The note may be at most {1} characters.")] string? Note);
