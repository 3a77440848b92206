namespace Jobbtorg.Features.DistrictMessages;

/// <summary>What a district receives. Without consent <c>details</c> is null and <c>consentRequired</c> is true.</summary>
public sealed record DistrictMessageBody(
    Guid MessageId,
    MessageKind Kind,
    string District,
    string CaseRef,
    string? DistrictReferralId,
    DateTimeOffset CreatedAt,
    bool ConsentRequired,
    string Text,
    object? Details);
