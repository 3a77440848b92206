using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Cases;

/// <summary>Enrolment on <c>Date</c>; without <c>CoachId</c> the coach of the centre with the fewest open cases.</summary>
public sealed record EnrolmentRequest([property: ApiRequired] DateOnly? Date, string? CoachId);

public sealed record PauseRequest([property: ApiRequired] DateOnly? Date, [property: ApiRequired] PauseReason? Reason, string? Note);

public sealed record ResumeRequest([property: ApiRequired] DateOnly? Date);

/// <summary>A closure; <c>SubReason</c> is required for Work and Other and refused for the rest.</summary>
public sealed record ClosureRequest([property: ApiRequired] DateOnly? Date, [property: ApiRequired] ClosureReason? Reason,
    ClosureSubReason? SubReason, string? Note);
