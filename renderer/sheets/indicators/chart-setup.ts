/**
 * One-time AG Charts set-up: only the Community modules the indicator chart draws with
 * (grouped bars on a category and a number axis, with a legend), to keep the bundle small.
 */
import { BarSeriesModule, CategoryAxisModule, LegendModule, ModuleRegistry, NumberAxisModule } from 'ag-charts-community';

ModuleRegistry.registerModules([BarSeriesModule, CategoryAxisModule, NumberAxisModule, LegendModule]);
