using System.ComponentModel.DataAnnotations;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>A district's weekly places for a kind of meeting; the limits are the quota's own rule (409).</summary>
public sealed record QuotaRequest([property: ApiRequired, Required(ErrorMessage = "Enter the number of places a week.")] int? PlacesPerWeek);
