using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

public sealed record QuotaRequest([property: ApiRequired] int? PlacesPerWeek);
