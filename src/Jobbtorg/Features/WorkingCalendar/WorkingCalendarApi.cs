using Jobbtorg.Features.AccessLog;
using System.Globalization;
using Jobbtorg.Calendar;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobbtorg.Features.WorkingCalendar;

/// <summary>The working-day calendar the job guarantee is measured by, for district systems that show their own
/// deadlines: the same holidays and the same walk as the case's plan deadline.</summary>
public static class WorkingCalendarApi
{
    /// <summary>A year's worth of working days is more than any deadline in the domain counts.</summary>
    public const int MaxWorkingDays = 260;

    public static RouteGroupBuilder MapWorkingCalendarApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/working-days").WithTags("Reference data").RequirePermission(Permission.ReadReferenceData).NoPersonalData();

        // The query values are read as text so that a bad one is named in a ValidationProblem, not a bare 400.
        group.MapGet("/deadline", Results<Ok<DeadlineDto>, FieldProblem> (Texts texts, string? from = null, string? workingDays = null) =>
            {
                var errors = new FieldErrors();
                var start = Input.QueryDate(nameof(from), from, errors);
                if (start is null && !errors.Has(nameof(from))) errors.Refuse(nameof(from), "Enter the date to count from as yyyy-MM-dd.");
                var count = ReadNumber(nameof(workingDays), workingDays, 0, MaxWorkingDays, errors);
                if (errors.Count > 0) return new FieldProblem(errors);

                var deadline = WorkingDays.Deadline(start!.Value, count!.Value, [])!.Value;
                if (deadline > Dates.Max)
                    return new FieldProblem(new FieldErrors().Refuse(nameof(workingDays), "The date would fall after {0}, the last date the system accepts.", Dates.Max));
                var holidays = Enumerable.Range(start.Value.Year, deadline.Year - start.Value.Year + 1)
                    .SelectMany(SwedishHolidays.InYear)
                    .Where(h => h.Date > start.Value && h.Date <= deadline)
                    .Select(h => HolidayDto.Of(h, texts))
                    .ToList();
                return TypedResults.Ok(new DeadlineDto(start.Value, count.Value, deadline, holidays));
            })
            .WithName("getWorkingDayDeadline")
            .WithSummary("The date a number of working days after a date")
            .WithDescription("Walks forward from `from` (yyyy-MM-dd, not counted) and answers the `workingDays`-th working day " +
                             $"(0 … {MaxWorkingDays}), as the job guarantee's five-day deadline is computed for a case without pauses; " +
                             "`holidays` lists the holidays and eves treated as holidays passed on the way. A missing or invalid value " +
                             "answers 400 naming the field.")
            .ProducesValidationProblem();

        group.MapGet("/holidays", Results<Ok<List<HolidayDto>>, FieldProblem> (Texts texts, string? year = null) =>
            {
                var errors = new FieldErrors();
                var value = ReadNumber(nameof(year), year, Dates.Min.Year, Dates.Max.Year, errors);
                if (errors.Count > 0) return new FieldProblem(errors);
                return TypedResults.Ok(SwedishHolidays.InYear(value!.Value).Select(h => HolidayDto.Of(h, texts)).ToList());
            })
            .WithName("listHolidays")
            .WithSummary("A year's public holidays and the eves treated as holidays")
            .WithDescription($"The days that are not working days although they fall on Monday to Friday, named in the language asked for (Accept-Language), for a year " +
                             $"{Dates.Min.Year} … {Dates.Max.Year}. A missing or invalid year answers 400 naming the field.")
            .ProducesValidationProblem();

        return group;
    }

    private static int? ReadNumber(string field, string? text, int min, int max, FieldErrors errors)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Refuse(field, "Enter {0} as a whole number from {1} to {2}.", field, min, max);
            return null;
        }
        return value;
    }
}
