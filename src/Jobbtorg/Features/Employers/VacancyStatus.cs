namespace Jobbtorg.Features.Employers;

public enum VacancyStatus { Open, Filled, Withdrawn }
