// ROC-AUC lives in analysis/ (one copy; UQ performance uses it too).
export { rocAuc, sortedOrder } from "../analysis/rocAuc";
