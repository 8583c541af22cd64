"""The optimal policy (reference solution): Q*(S0,right) 35.79 > Q*(S0,left) 33.21 and
Q*(S1,left) 34.21 > Q*(S1,right) 30.79."""

ANSWER = "A"
